// The words of the command line in Chinese, each beside the English it translates: the help of
// every command, argument and option, the headings of commander's help, and commander's own error
// messages. Help is written in English where each command is declared (commands/*.ts, main.ts,
// options.ts) and looked up here by that English, as gettext does; a test fails when a description
// shown in help has no Chinese here, so a new option cannot slip in untranslated.

/** Descriptions shown in help (and the messages our argument parsers throw), English → Chinese. */
export const HELP_ZH: ReadonlyMap<string, string> = new Map([
  // the program and commander's built-in options and help command
  [
    'Audit customer service: find the gaps between what customers expect and what a site delivers.',
    '审核客户服务:找出客户的期望与门店、网点实际提供的服务之间的差距。',
  ],
  ['language of messages and headings (default: from LANG/LC_ALL)', '消息与标题的语言(默认取自 LANG/LC_ALL)'],
  ['output the version number', '显示版本号'],
  ['display help for command', '显示命令的帮助'],
  ['folder of checklists (repeatable)', '存放清单的文件夹(可多次给出)'],
  ['folder of checklists to look audits up in (repeatable)', '查找审核记录所用清单的文件夹(可多次给出)'],
  ['output format', '输出格式'],
  // validate
  [
    'check checklists and audits (told apart by content); findings name file:line:column',
    '检查清单和审核记录(按内容区分);每个问题都标明位置(文件:行:列)',
  ],
  ['files or folders (folders are searched for *.yaml and *.yml)', '文件或文件夹(在文件夹中查找 *.yaml 和 *.yml)'],
  // list, show
  ['list the checklists found (--checklists, ./checklists/, built-in)', '列出找到的清单(依次查找 --checklists、./checklists/ 和内置清单)'],
  ['print a checklist as a tree with item types, weights and expectations', '以树形显示一份清单:题目类型、检查方式、权重和期望'],
  ['checklist id or path to a checklist file', '清单标识,或清单文件的路径'],
  // init
  [
    'write a new checklist file to edit, starting from a built-in one (never overwrites)',
    '以内置清单为起点,写出一份新的清单文件供编辑(从不覆盖已有文件)',
  ],
  ['id of the new checklist (kebab-case); the file is ID.yaml', '新清单的标识(kebab-case,如 my-store);文件名为 ID.yaml'],
  ['checklist to start from (id or path)', '作为起点的清单(标识或路径)'],
  ['file to write (default: ./checklists/ID.yaml)', '要写入的文件(默认 ./checklists/ID.yaml)'],
  // schema
  [
    'print the JSON Schema of checklist, audit or import map files (for editors and other tools)',
    '输出清单、审核记录或导入映射文件的 JSON Schema(供编辑器和其他工具使用)',
  ],
  ['checklist or audit or map', 'checklist(清单)、audit(审核记录)或 map(导入映射)'],
  // run
  [
    'walk a checklist on site, saving after every answer (Ctrl-C keeps a draft to --resume)',
    '在现场逐项完成一份清单,每答一题即保存(按 Ctrl-C 会保留草稿,之后用 --resume 继续)',
  ],
  ['checklist id or path (asked for when left out)', '清单标识或路径(未给出时会询问)'],
  ['the site audited (asked for when left out; the last one is offered)', '受审核的门店或网点(未给出时会询问,并提供上次填写的)'],
  ['who audits (asked for when left out; the last one is offered)', '审核员(未给出时会询问,并提供上次填写的)'],
  ['date of the visit, YYYY-MM-DD (asked for, today by default)', '到访日期,格式 YYYY-MM-DD(会询问,默认今天)'],
  [
    'audit file to create (default: ./audits/DATE-SITE.yaml, offering a draft of that site and day; never overwrites)',
    '要创建的审核记录文件(默认 ./audits/日期-门店.yaml,如已有同一门店同一天的草稿会提示继续;从不覆盖已有文件)',
  ],
  ['continue a draft audit at its first unanswered item', '继续一份审核草稿,从第一个未答的题目开始'],
  ['open a complete audit again to correct it (keeps its answers, records when)', '重新打开一份已完成的审核以便更正(保留原有答案,并记录重新打开的时间)'],
  ['write the Markdown report of the finished audit to this file', '审核完成后把 Markdown 报告写入此文件'],
  // score
  [
    'score audits (files or folders, any checklists) and compare sites; exit 1 on a bad file, or with --fail-under on a low score or a critical failure',
    '为审核记录打分(文件或文件夹,清单不限)并比较各门店、网点;有无效文件,或指定 --fail-under 时有得分过低或关键项未达标,退出码为 1',
  ],
  [
    'files or folders (folders are searched for *.yaml and *.yml; checklists among them are skipped)',
    '文件或文件夹(在文件夹中查找 *.yaml 和 *.yml;其中的清单会被跳过)',
  ],
  [
    'exit 1 when any audit’s overall score is under N (0–100) or an audit fails a critical item',
    '任一审核的总分低于 N(0–100)或有关键项未达标时退出码为 1',
  ],
  ['count drafts in summaries and rankings (they are always shown, marked)', '把草稿计入汇总与排名(草稿总会列出并标明)'],
  ['expected a score from 0 to 100.', '应为 0 到 100 之间的分数。'],
  // report
  [
    'the report for a client (Markdown, or self-contained HTML with charts): one audit in detail, or many compared with an appendix per audit',
    '给客户的报告(Markdown,或带图表的独立 HTML):一份审核则逐项详述,多份则相互比较,并为每份审核附上附录',
  ],
  ['title on the cover (default: Customer service audit report)', '封面标题(默认:客户服务审核报告)'],
  [
    'report visits on or after this date (YYYY-MM-DD); earlier ones give the previous period',
    '只报告此日期(YYYY-MM-DD)及之后的审核;更早的审核用作上一期的比较',
  ],
  ['report visits on or before this date (YYYY-MM-DD)', '只报告此日期(YYYY-MM-DD)及之前的审核'],
  ['leave out the appendix of each audit', '不附每份审核的附录'],
  ['expected a date as YYYY-MM-DD.', '应为 YYYY-MM-DD 格式的日期。'],
  ['files or folders of audits (checklists among them are skipped)', '审核记录的文件或文件夹(其中的清单会被跳过)'],
  ['file to write, replaced atomically (default: print to stdout)', '要写入的文件,一步整体替换(默认输出到标准输出)'],
  // import
  [
    'audit files from a survey or spreadsheet export (CSV, TSV, XLSX), one per data row, as a map says; exit 1 when a row could not be read (the others are written)',
    '按映射文件把问卷或表格导出文件(CSV、TSV、XLSX)的每一数据行写成一份审核记录;有行无法读取时退出码为 1(其他行照常写入)',
  ],
  [
    'the export: CSV or TSV (delimiter detected; UTF-8, or UTF-16 with a byte order mark) or XLSX',
    '导出文件:CSV 或 TSV(自动识别分隔符;UTF-8,或带字节顺序标记的 UTF-16),或 XLSX',
  ],
  ['the map file (YAML) saying which column holds what', '说明各列内容的映射文件(YAML)'],
  ['folder to write the audits to (default: ./audits/; files are never overwritten)', '写入审核记录的文件夹(默认 ./audits/;从不覆盖已有文件)'],
  [
    'text encoding of a CSV without a byte order mark: gb18030, gbk, big5, shift_jis, cp949, windows-1252, …',
    '不带字节顺序标记的 CSV 的文本编码:gb18030、gbk、big5、shift_jis、cp949、windows-1252 等',
  ],
  ['XLSX sheet, by name or number (default: the first)', 'XLSX 工作表,按名称或序号(默认第一个)'],
  ['write a starting map instead, matching the headers to the item texts of --checklist', '改为生成一份初始映射:把表头与 --checklist 中的题目文字相匹配'],
  ['with --init: the checklist the survey measures (id or path)', '与 --init 一起使用:问卷所测的清单(标识或路径)'],
  ['with --init: the map file to write (default: FILE’s name with .map.yaml; never overwrites)', '与 --init 一起使用:要写入的映射文件(默认为 FILE 的文件名加 .map.yaml;从不覆盖)'],
]);

/** The headings and placeholders of commander's help layout. */
export const HELP_LAYOUT_ZH: Readonly<Record<string, string>> = {
  'Usage:': '用法:',
  'Arguments:': '参数:',
  'Options:': '选项:',
  'Global Options:': '全局选项:',
  'Commands:': '命令:',
  '[options]': '[选项]',
  '[command]': '[命令]',
  'choices: ': '可选:',
  'default: ': '默认:',
};

/** The line printed after a usage error, in each language. */
export const AFTER_ERROR = { 'zh-CN': '(运行时加上 --help 可查看用法)', en: '(run with --help for usage)' } as const;

/** Chinese for one of commander's messages, given its parts; `reason` translates a parser's sentence. */
type CommanderErrorZh = (reason: (text: string) => string, ...parts: string[]) => string;

/**
 * commander's error messages, line by line as commander 14 words them, and their Chinese. A line
 * that matches none stays in English: a test runs each mistake a user can make through the binary.
 */
export const COMMANDER_ERRORS_ZH: readonly (readonly [RegExp, CommanderErrorZh])[] = [
  [/^error: unknown option '(.*)'$/, (_, flag) => `错误:未知的选项 '${flag}'`],
  [/^error: unknown command '(.*)'$/, (_, name) => `错误:未知的命令 '${name}'`],
  [/^error: missing required argument '(.*)'$/, (_, name) => `错误:缺少必需的参数 '${name}'`],
  [/^error: option '(.*)' argument missing$/, (_, flags) => `错误:选项 '${flags}' 缺少值`],
  [/^error: required option '(.*)' not specified$/, (_, flags) => `错误:未给出必需的选项 '${flags}'`],
  [/^error: option '(.*?)' argument '(.*)' is invalid\. (.*)$/s, (reason, flags, value, why) => `错误:选项 '${flags}' 的值 '${value}' 无效。${reason(why)}`],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.*?)'\. (.*)$/s,
    (reason, value, name, why) => `错误:参数 '${name}' 的值 '${value}' 无效。${reason(why)}`,
  ],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (_, name, expected, got) => `错误:${name ? `'${name}' 的` : ''}参数过多:应为 ${expected} 个,实际为 ${got} 个。`,
  ],
  [/^\(Did you mean one of (.*)\?\)$/, (_, names) => `(是否想输入以下之一:${names}?)`],
  [/^\(Did you mean (.*)\?\)$/, (_, name) => `(是否想输入 ${name}?)`],
  [/^Allowed choices are (.*)\.$/, (_, choices) => `可选值:${choices.split(', ').join('、')}。`],
];
