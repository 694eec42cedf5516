#!/usr/bin/env node
// Users run compiled JavaScript only; `npm install` builds dist/ through the prepare script.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
