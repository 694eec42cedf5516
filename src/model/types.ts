import type { Static } from '@sinclair/typebox';
import type * as definition from './definition.js';
import type { AUDIT_STATUSES, ITEM_FIELDS, ITEM_TYPES } from './vocabulary.js';

export type LocalizedText = Static<typeof definition.LocalizedText>;
export type Scale = Static<typeof definition.Scale>;
export type Item = Static<typeof definition.Item>;
export type ItemType = (typeof ITEM_TYPES)[number];
export type Factor = Static<typeof definition.Factor>;
export type Section = Static<typeof definition.Section>;
export type Checklist = Static<typeof definition.Checklist>;
export type ResponseDetail = Static<typeof definition.ResponseDetail>;
export type Response = Static<typeof definition.Response>;
export type Audit = Static<typeof definition.Audit>;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export type Column = Static<typeof definition.Column>;
export type ItemColumns = Static<typeof definition.ItemColumns>;
export type ItemField = (typeof ITEM_FIELDS)[number];
export type SurveyMap = Static<typeof definition.SurveyMap>;
