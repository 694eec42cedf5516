#!/usr/bin/env node
// Users run compiled JavaScript only; `npm install` builds dist/ through the prepare script.
import { setFlagsFromString } from 'node:v8';
import { heapGrowthFlag } from '../dist/cli/heap-growth.js';
import { main } from '../dist/cli/main.js';

const flag = heapGrowthFlag(process.execArgv);
if (flag) setFlagsFromString(flag);
process.exitCode = await main(process.argv);
