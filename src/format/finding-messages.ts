// Words for every finding code, in both languages. Each message says what is wrong and what is allowed.
import type { Finding, FindingCode, FindingParams } from '../shared/findings.js';
import { plainLine } from '../shared/plain-text.js';
import type { Lang } from '../shared/lang.js';
import { nearestWord } from '../shared/nearest-word.js';
import { unitName } from '../shared/units.js';

type Phrase = (p: FindingParams) => string;

// Keys and values quoted back come from files anyone may have written: one line, no control
// characters, and short enough that a 100,000-character line does not become a 100,000-character message.
const SHOWN_LENGTH = 80;
const shown = (value: FindingParams[string] | undefined): string => {
  const text = plainLine(String(value ?? ''));
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
};

const sizeText = (bytes: FindingParams[string] | undefined): string => {
  const n = Number(bytes);
  const rounded = n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : '';
  return rounded ? `${rounded} (${n} bytes)` : `${n} bytes`;
};

const READ_PROBLEMS: Record<string, { 'zh-CN': string; en: string }> = {
  ENOENT: { 'zh-CN': '文件不存在', en: 'it does not exist' },
  EACCES: { 'zh-CN': '没有读取权限', en: 'permission denied' },
  EPERM: { 'zh-CN': '没有读取权限', en: 'permission denied' },
  EISDIR: { 'zh-CN': '这是一个文件夹', en: 'it is a folder' },
  ELOOP: { 'zh-CN': '符号链接形成了循环', en: 'its symbolic links form a loop' },
  ENOTDIR: { 'zh-CN': '路径中有一部分不是文件夹', en: 'part of its path is not a folder' },
};

const readProblem = (reason: FindingParams[string] | undefined, lang: Lang): string => {
  const words = READ_PROBLEMS[String(reason)]?.[lang];
  return words ? `${words} (${reason})` : String(reason);
};

const CSV_PROBLEMS: Record<string, { 'zh-CN': string; en: string }> = {
  CSV_QUOTE_NOT_CLOSED: { 'zh-CN': '引号没有闭合', en: 'a quote is not closed' },
  INVALID_OPENING_QUOTE: { 'zh-CN': '引号出现在字段中间', en: 'a quote opens in the middle of a field' },
  CSV_INVALID_CLOSING_QUOTE: { 'zh-CN': '闭合引号后紧跟着其他字符', en: 'a closing quote is followed by other characters' },
};

const list = (value: FindingParams[string] | undefined, lang: Lang): string =>
  Array.isArray(value) ? value.join(lang === 'zh-CN' ? '、' : ', ') : String(value ?? '');

const TYPE_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  string: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  // What shape.ts calls `.inf`, `-.inf`, `.nan` and numbers too large to hold (1e400): numbers, but none a score can use.
  'non-finite': { 'zh-CN': '.inf、.nan 或大到无法表示的数(如 1e400)', en: '.inf, .nan or a number too large to hold (like 1e400)' },
  integer: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': 'true/false', en: 'true/false' },
  object: { 'zh-CN': '映射(键: 值)', en: 'a map (key: value)' },
  map: { 'zh-CN': '映射', en: 'a map' },
  array: { 'zh-CN': '列表', en: 'a list' },
  list: { 'zh-CN': '列表', en: 'a list' },
  null: { 'zh-CN': '空值', en: 'nothing (null)' },
};

const FINITE_NUMBER = { 'zh-CN': '有限的数字', en: 'a finite number' };

/** `finite` when what was found is a number too, but infinite: then the number wanted must be called finite. */
const typeNames = (value: FindingParams[string] | undefined, lang: Lang, finite = false): string =>
  (Array.isArray(value) ? value : [String(value)])
    .map((name) => (finite && name === 'number' ? FINITE_NUMBER : TYPE_NAMES[name])?.[lang] ?? name)
    .join(lang === 'zh-CN' ? '或' : ' or ');

const wrongType = (p: FindingParams, lang: Lang): [expected: string, found: string] => [
  typeNames(p.expected, lang, p.actual === 'non-finite'),
  typeNames(p.actual, lang),
];

const ID_SCOPES: Record<string, { 'zh-CN': string; en: string }> = {
  section: { 'zh-CN': '各部分(section)之间', en: 'among sections' },
  factor: { 'zh-CN': '同一部分内各因素(factor)', en: 'among the factors of a section' },
  item: { 'zh-CN': '整个清单内题目(item)', en: 'among all items of the checklist' },
};

/** The key a misspelt one was most likely meant to be, when one allowed key is a slip away. */
const nearestKey = (p: FindingParams): string | undefined => nearestWord(String(p.key), Array.isArray(p.allowed) ? p.allowed : []);

/** What may be written as the answer, as a clause that follows the value refused. */
function answerRule(p: FindingParams, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (p.type) {
    case 'likert':
      return zh ? `允许:${p.min} 到 ${p.max} 的整数,或 na` : `allowed: a whole number from ${p.min} to ${p.max}, or na`;
    case 'check':
      // `yes` and `no` are what people write, and YAML 1.2 reads them as text: say the words that work.
      return zh ? '请写 true(是)或 false(否),或 na' : 'write true for yes or false for no, or na';
    case 'measure':
      return zh ? `允许:以${unitName(String(p.unit), 'zh-CN')}为单位的数字,或 na` : `allowed: a number in ${p.unit}, or na`;
    default:
      return zh ? '允许:文本' : 'allowed: text';
  }
}

const MESSAGES: Record<FindingCode, Record<Lang, Phrase>> = {
  'yaml-syntax': {
    'zh-CN': (p) => `YAML 语法错误:${shown(p.detail)}`,
    en: (p) => `YAML syntax error: ${shown(p.detail)}`,
  },
  'duplicate-key': {
    'zh-CN': () => '重复的键:同一映射中每个键只能出现一次',
    en: () => 'duplicate key: each key may appear only once in a map',
  },
  'not-utf8': {
    'zh-CN': () => '文件不是 UTF-8 编码;请以 UTF-8 保存后重试',
    en: () => 'the file is not UTF-8 text; save it as UTF-8 and try again',
  },
  'binary-file': {
    'zh-CN': () => '这是二进制文件,不是 YAML 文本',
    en: () => 'this is a binary file, not YAML text',
  },
  'empty-file': {
    'zh-CN': () => '文件为空:应为清单(含 sections)或审核记录(含 responses)',
    en: () => 'the file is empty: expected a checklist (with sections) or an audit (with responses)',
  },
  'unknown-kind': {
    'zh-CN': () => '无法判断文件类型:清单需要 sections,审核记录需要 checklist 与 responses,导入映射(svc-audit import 的 --map)需要 checklist 与 items',
    en: () => 'cannot tell what this file is: a checklist has `sections`, an audit has `checklist` and `responses`, an import map (svc-audit import --map) has `checklist` and `items`',
  },
  unreadable: {
    'zh-CN': (p) => `无法读取文件:${readProblem(p.reason, 'zh-CN')}`,
    en: (p) => `cannot read the file: ${readProblem(p.reason, 'en')}`,
  },
  'not-a-file': {
    'zh-CN': () => '这不是普通文件(而是设备、管道或套接字);请给出 YAML 文件或文件夹',
    en: () => 'this is not a regular file but a device, pipe or socket; give a YAML file or a folder',
  },
  'too-large': {
    'zh-CN': (p) =>
      `文件大小为 ${sizeText(p.size)},超过上限 ${sizeText(p.limit)},未读取;清单和审核记录通常只有几 KB。如确需更大的文件,请设置环境变量 SVC_AUDIT_MAX_FILE_BYTES(字节数)`,
    en: (p) =>
      `the file is ${sizeText(p.size)}, over the limit of ${sizeText(p.limit)}, so it was not read; checklists and audits are a few KB. To allow larger files, set SVC_AUDIT_MAX_FILE_BYTES (in bytes)`,
  },
  'too-deep': {
    'zh-CN': (p) => `嵌套过深:列表和映射最多嵌套 ${p.limit} 层(清单约需 10 层);请删去多余的括号或缩进`,
    en: (p) => `nested too deeply: lists and maps may nest at most ${p.limit} levels (a checklist needs about 10); remove the extra brackets or indentation`,
  },
  'too-many-aliases': {
    'zh-CN': (p) => `别名(*名称)使用过多:每个文件最多 ${p.limit} 次,重复中的重复也计算在内;请直接写出这些值`,
    en: (p) => `too many aliases (*name): at most ${p.limit} uses per file, counting repeats inside repeats; write the values out instead`,
  },
  'bad-alias': {
    'zh-CN': (p) =>
      p.reason === 'undefined'
        ? `别名 *${shown(p.name)} 之前没有对应的锚点 &${shown(p.name)};请先定义锚点,或直接写出值`
        : `别名 *${shown(p.name)} 位于它所引用的值内部,会无限重复;请直接写出值`,
    en: (p) =>
      p.reason === 'undefined'
        ? `alias *${shown(p.name)} has no anchor &${shown(p.name)} before it; define the anchor first or write the value out`
        : `alias *${shown(p.name)} sits inside the value it refers to, which would repeat forever; write the value out`,
  },
  'forbidden-key': {
    'zh-CN': (p) => `不能用 “${shown(p.key)}” 作键:__proto__、constructor 和 prototype 是保留名称;请换一个名称`,
    en: (p) => `"${shown(p.key)}" cannot be a key: __proto__, constructor and prototype are reserved names; use another name`,
  },
  'multiple-documents': {
    'zh-CN': () => '从这里开始是第二个 YAML 文档(---);每个文件只能包含一份清单或一份审核记录,请拆分到不同文件',
    en: () => 'a second YAML document (---) starts here; a file holds one checklist or one audit, so put each in a file of its own',
  },
  'missing-key': {
    'zh-CN': (p) => `缺少必填的键 “${p.key}”`,
    en: (p) => `missing required key "${p.key}"`,
  },
  'unknown-key': {
    'zh-CN': (p) => {
      const nearest = nearestKey(p);
      return `未知的键 “${shown(p.key)}”;${nearest ? `是否想写 “${nearest}”?` : ''}允许的键:${list(p.allowed, 'zh-CN')}`;
    },
    en: (p) => {
      const nearest = nearestKey(p);
      return `unknown key "${shown(p.key)}"; ${nearest ? `did you mean "${nearest}"? Allowed` : 'allowed'}: ${list(p.allowed, 'en')}`;
    },
  },
  'wrong-type': {
    'zh-CN': (p) => `类型错误:应为${wrongType(p, 'zh-CN')[0]},实际为${wrongType(p, 'zh-CN')[1]}`,
    en: (p) => `wrong type: expected ${wrongType(p, 'en')[0]}, found ${wrongType(p, 'en')[1]}`,
  },
  'not-allowed': {
    'zh-CN': (p) => `不允许的值 “${shown(p.value)}”;允许:${list(p.allowed, 'zh-CN')}`,
    en: (p) => `"${shown(p.value)}" is not allowed; allowed: ${list(p.allowed, 'en')}`,
  },
  'bad-id': {
    'zh-CN': (p) => `标识 “${shown(p.value)}” 不合规:只能用小写字母、数字和单个连字符(kebab-case),如 first-response`,
    en: (p) => `id "${shown(p.value)}" is not kebab-case: use lowercase letters, digits and single hyphens, e.g. first-response`,
  },
  'bad-version': {
    'zh-CN': (p) => `版本 “${shown(p.value)}” 不是语义化版本号;应如 1.0.0(写成 1.0 时 YAML 会读成数字,请加引号或写全)`,
    en: (p) => `version "${shown(p.value)}" is not a semantic version; write it like 1.0.0`,
  },
  'bad-format': {
    'zh-CN': (p) => `值 “${shown(p.value)}” 格式不符(${p.pattern})`,
    en: (p) => `"${shown(p.value)}" does not have the allowed form (${p.pattern})`,
  },
  'bad-date': {
    'zh-CN': (p) =>
      p.format === 'date'
        ? `“${shown(p.value)}” 不是有效日期;应为 ISO 日期,如 2026-11-23`
        : `“${shown(p.value)}” 不是有效时间;应为 ISO 时间,如 2026-11-23T09:12:00+08:00`,
    en: (p) =>
      p.format === 'date'
        ? `"${shown(p.value)}" is not a valid date; use an ISO date such as 2026-11-23`
        : `"${shown(p.value)}" is not a valid time; use an ISO date-time such as 2026-11-23T09:12:00+08:00`,
  },
  'out-of-range': {
    'zh-CN': (p) => `值 ${shown(p.value)} 超出范围:必须 ${p.comparison} ${p.limit}`,
    en: (p) => `${shown(p.value)} is out of range: it must be ${p.comparison} ${p.limit}`,
  },
  empty: {
    'zh-CN': () => '不能为空',
    en: () => 'must not be empty',
  },
  'duplicate-id': {
    'zh-CN': (p) => `标识 “${p.id}” 重复(首次出现在第 ${p.firstLine} 行);${ID_SCOPES[String(p.scope)]?.['zh-CN']}的标识必须唯一`,
    en: (p) => `duplicate id "${p.id}" (first used on line ${p.firstLine}); ids must be unique ${ID_SCOPES[String(p.scope)]?.en}`,
  },
  'bad-scale': {
    'zh-CN': (p) => `量表最小值 ${p.min} 必须小于最大值 ${p.max}`,
    en: (p) => `the scale's min (${p.min}) must be less than its max (${p.max})`,
  },
  'scale-too-long': {
    'zh-CN': (p) => `量表 ${p.min}..${p.max} 点数过多:最多 ${p.limit} 个点(max − min ≤ ${Number(p.limit) - 1}),如 1..5 或 0..100`,
    en: (p) => `the scale ${p.min}..${p.max} has too many points: at most ${p.limit} (max − min ≤ ${Number(p.limit) - 1}), e.g. 1..5 or 0..100`,
  },
  'missing-scale': {
    'zh-CN': () => 'likert 题目需要量表:请在清单顶层或题目中给出 scale: {min: 1, max: 5}',
    en: () => 'a likert item needs a scale: give `scale: {min: 1, max: 5}` on the checklist or on the item',
  },
  'label-outside-scale': {
    'zh-CN': (p) => `标签 ${p.point} 不在量表 ${p.min}–${p.max} 内`,
    en: (p) => `label ${p.point} is outside the scale ${p.min}–${p.max}`,
  },
  'expected-outside-scale': {
    'zh-CN': (p) => `期望值 ${p.value} 不在量表 ${p.min}–${p.max} 内`,
    en: (p) => `expected ${p.value} is outside the scale ${p.min}–${p.max}`,
  },
  'adequate-outside-scale': {
    'zh-CN': (p) => `可接受水平(adequate)${p.value} 不在量表 ${p.min}–${p.max} 内`,
    en: (p) => `adequate ${p.value} is outside the scale ${p.min}–${p.max}`,
  },
  'adequate-above-expected': {
    'zh-CN': (p) => `可接受水平(adequate)${p.adequate} 高于所适用的期望值 ${p.expected};可接受水平是顾客仍能接受的最低水平,不能高于期望(理想)水平`,
    en: (p) => `adequate ${p.adequate} is above the expectation that applies (${p.expected}); adequate is the lowest level customers still accept, at most the expected (desired) level`,
  },
  'importance-not-on-scale': {
    'zh-CN': (p) => `重要性(importance)${shown(p.value)} 不是量表上的点;应为 ${p.min} 到 ${p.max} 的整数`,
    en: (p) => `importance ${shown(p.value)} is not a point on the scale; use a whole number from ${p.min} to ${p.max}`,
  },
  'key-not-for-type': {
    'zh-CN': (p) => `“${p.key}” 不适用于 ${p.type} 题目;仅适用于:${list(p.types, 'zh-CN')}`,
    en: (p) => `"${p.key}" does not apply to ${p.type} items; it is for: ${list(p.types, 'en')}`,
  },
  'target-beyond-limit': {
    'zh-CN': (p) =>
      p.better === 'lower'
        ? `better: lower 时目标值 ${p.target} 必须小于界限 ${p.limit}`
        : `better: higher 时目标值 ${p.target} 必须大于界限 ${p.limit}`,
    en: (p) =>
      p.better === 'lower'
        ? `with better: lower the target (${p.target}) must be below the limit (${p.limit})`
        : `with better: higher the target (${p.target}) must be above the limit (${p.limit})`,
  },
  'checklist-not-found': {
    'zh-CN': (p) => `找不到清单 “${shown(p.checklist)}”;已查找:${list(p.searched, 'zh-CN')}(可用 --checklists DIR 指定)`,
    en: (p) => `checklist "${shown(p.checklist)}" not found; looked in: ${list(p.searched, 'en')} (add --checklists DIR)`,
  },
  'checklist-invalid': {
    'zh-CN': (p) => `清单文件 ${shown(p.checklist)} 存在,但不是有效的清单(首个问题:${shown(p.first)} [${shown(p.problem)}]);用 svc-audit validate 检查它可看到全部问题`,
    en: (p) => `the checklist file ${shown(p.checklist)} exists but is not a valid checklist (first problem at ${shown(p.first)} [${shown(p.problem)}]); svc-audit validate on it shows every problem`,
  },
  'checklist-ambiguous': {
    'zh-CN': (p) => `清单 ${p.id} ${p.version} 在 ${list(p.files, 'zh-CN')} 中内容不同:无法判断按哪一份评分;请给其中一份换一个版本号(或标识)`,
    en: (p) => `checklist ${p.id} ${p.version} differs between ${list(p.files, 'en')}: scores could not say which one they mean; give one of them a new version (or id)`,
  },
  'version-mismatch': {
    'zh-CN': (p) => `审核记录要求清单 ${p.id} 版本 ${p.wanted},但找到的是 ${list(p.found, 'zh-CN')};主版本号与次版本号必须一致`,
    en: (p) => `the audit is for ${p.id} version ${p.wanted}, but the versions found are ${list(p.found, 'en')}; major.minor must match`,
  },
  'unknown-item': {
    'zh-CN': (p) => `清单 ${p.checklist} 中没有题目 “${shown(p.item)}”`,
    en: (p) => `checklist ${p.checklist} has no item "${shown(p.item)}"`,
  },
  'bad-value': {
    'zh-CN': (p) => `题目 ${p.item} 的答案 “${shown(p.value)}” 无效;${answerRule(p, 'zh-CN')}`,
    en: (p) => `"${shown(p.value)}" is not a valid answer to ${p.item}; ${answerRule(p, 'en')}`,
  },
  'na-with-value': {
    'zh-CN': () => '不能同时给出 value 与 na: true',
    en: () => 'give either a value or na: true, not both',
  },
  unanswered: {
    'zh-CN': (p) => `完成状态(complete)的审核必须回答每个计分题目;未回答:${list(p.items, 'zh-CN')}(或将 status 设为 draft)`,
    en: (p) => `a complete audit must answer every scored item; unanswered: ${list(p.items, 'en')} (or set status: draft)`,
  },
  'table-not-utf8': {
    'zh-CN': () => '文件不是 UTF-8 编码;请用 --encoding 指明其编码(如 gb18030、gbk、big5、shift_jis、cp949、windows-1252)',
    en: () => 'the file is not UTF-8 text; name its encoding with --encoding (e.g. gb18030, gbk, big5, shift_jis, cp949, windows-1252)',
  },
  'table-syntax': {
    'zh-CN': (p) => `无法读取 CSV:${CSV_PROBLEMS[String(p.reason)]?.['zh-CN'] ?? p.reason};含分隔符、引号或换行的字段须用双引号括起,字段内的引号写成两个`,
    en: (p) => `cannot read the CSV: ${CSV_PROBLEMS[String(p.reason)]?.en ?? p.reason}; a field holding delimiters, quotes or line breaks must be in double quotes, with its quotes doubled`,
  },
  'empty-table': {
    'zh-CN': () => '导出文件没有表头:第一行应为各列的表头(问题文字),其后每行为一份答卷',
    en: () => 'the export has no headers: its first row must hold the column headers (the questions), each later row one set of answers',
  },
  'unknown-column': {
    'zh-CN': (p) => `表格中没有表头为 “${shown(p.column)}” 的列;表头有:${list(p.headers, 'zh-CN')}(也可用列号,如 {column: 3})`,
    en: (p) => `no column has the header "${shown(p.column)}"; the headers are: ${list(p.headers, 'en')} (a column can also be given by number, e.g. {column: 3})`,
  },
  'ambiguous-column': {
    'zh-CN': (p) => `表头 “${shown(p.column)}” 出现在多列(第 ${list(p.numbers, 'zh-CN')} 列);请改用列号`,
    en: (p) => `the header "${shown(p.column)}" names several columns (${list(p.numbers, 'en')}); give the column by number instead`,
  },
  'column-out-of-range': {
    'zh-CN': (p) => `第 ${p.column} 列不存在:表格只有 ${p.count} 列`,
    en: (p) => `there is no column ${p.column}: the table has ${p.count} columns`,
  },
  'unknown-answer-text': {
    'zh-CN': (p) => `题目 ${p.item} 的单元格 “${shown(p.value)}” 不是映射文件 values 中的答案;允许:${list(p.allowed, 'zh-CN')}`,
    en: (p) => `"${shown(p.value)}" is not one of the answers the map's values give for ${p.item}; allowed: ${list(p.allowed, 'en')}`,
  },
  'audit-exists': {
    'zh-CN': (p) => `${shown(p.file)} 已存在,不会被覆盖;该行未写入(请换一个 --out 文件夹,或先移走旧文件)`,
    en: (p) => `${shown(p.file)} already exists and was not overwritten, so this row was not written (use another --out folder, or move the old file)`,
  },
};

/**
 * One line of plain text, whatever the file held: `shown` shortens the values quoted back, and this
 * catches the parameters used as they are (a checklist's unit, a scale label's key, a path searched).
 */
export function describeFinding(finding: Pick<Finding, 'code' | 'params'>, lang: Lang): string {
  return plainLine(MESSAGES[finding.code][lang](finding.params));
}
