export const id = 535;
export const ids = [535];
export const modules = {

/***/ 5535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ExceptionsFileError: () => (/* reexport */ ExceptionsFileError),
  exceptionFor: () => (/* reexport */ exceptionFor),
  locateRisk: () => (/* reexport */ locateRisk),
  matchUploadFiles: () => (/* reexport */ matchUploadFiles),
  parseExceptions: () => (/* reexport */ parseExceptions),
  parsedFiles: () => (/* reexport */ parsedFiles)
});

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/escape.ts
var src_escape = __webpack_require__(2988);
// EXTERNAL MODULE: ./src/repo/exception-set.ts
var exception_set = __webpack_require__(8240);
;// CONCATENATED MODULE: ./src/repo/exceptions.ts
/**
 * Accepted risks (`exceptions-file`), read strictly: an exception is reviewed by people, and an
 * entry that does not say exactly what it covers must not cover more than was reviewed.
 *
 *   exceptions:
 *     - rule: DKR-001                     # a string, required
 *       paths: ["services/legacy/**"]     # optional: a non-empty list of globs on the repository path
 *       resource: {kind: Deployment, namespace: prod, name: api}   # optional: only these keys
 *       reason: Legacy image, replaced in Q1   # a non-empty string, required
 *       expires: 2027-03-31                # a YYYY-MM-DD date, required; in force through that day (UTC)
 *
 * The file is read with YAML 1.2's core schema whatever it declares: no timestamps (a YAML 1.1
 * time would stretch an expiry into the next day), no sexagesimal or hexadecimal surprises in a
 * rule (`0x1F` is a number, not the string a rule must be). An entry with any other key (a typo
 * such as `path:` would otherwise except the rule everywhere), a value of another shape, an empty
 * `paths`, or a date that has passed, excepts nothing and is named. A file that is not YAML, or not
 * this shape, is a configuration error: never "no exceptions".
 */




const MAX_EXCEPTIONS = 1000;
const KEYS = new Set(['rule', 'paths', 'resource', 'reason', 'expires']);
const RESOURCE_KEYS = new Set(['kind', 'namespace', 'name']);
/** The file could not be parsed, or is not the shape the gate reads. */
class ExceptionsFileError extends Error {
    name = 'ExceptionsFileError';
}
/** `today` is `YYYY-MM-DD` (UTC). */
function parseExceptions(text, today) {
    if (Buffer.byteLength(text) > exception_set/* MAX_EXCEPTIONS_BYTES */.uS)
        throw new ExceptionsFileError(`is larger than ${exception_set/* MAX_EXCEPTIONS_BYTES */.uS / 1024 / 1024} MB`);
    const doc = (0,dist/* parseDocument */.Tp)(text, { schema: 'core', uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length)
        throw new ExceptionsFileError(`is not valid YAML: ${(0,src_escape/* clip */.$Q)(doc.errors[0]?.message ?? 'parse error', 200)}`);
    const root = doc.contents;
    if (root === null || ((0,dist/* isScalar */.jn)(root) && root.value === null))
        return exception_set/* NO_EXCEPTIONS */.JW;
    if (!(0,dist/* isMap */.jh)(root))
        throw new ExceptionsFileError('must be a mapping with an `exceptions:` list');
    const set = { active: [], ignored: [], expiringSoon: [] };
    for (const key of keysOf(root))
        if (key !== 'exceptions')
            set.ignored.push(`the key ${quote(key)} at the top is not one the gate reads (only \`exceptions\`)`);
    const list = root.get('exceptions', true);
    if (list === undefined || list === null || ((0,dist/* isScalar */.jn)(list) && list.value === null))
        return set;
    if (!(0,dist/* isSeq */.oP)(list))
        throw new ExceptionsFileError('has `exceptions:` that is not a list');
    if (list.items.length > MAX_EXCEPTIONS)
        throw new ExceptionsFileError(`has more than ${MAX_EXCEPTIONS} entries`);
    list.items.forEach((item, i) => {
        const read = readEntry(item, i + 1);
        if (typeof read === 'string') {
            set.ignored.push(read);
            return;
        }
        if (read.expires < today) {
            set.ignored.push(`${label(read)} expired on ${read.expires}`);
            return;
        }
        set.active.push(read);
        if (read.expires <= addDays(today, exception_set/* EXPIRING_DAYS */.HH))
            set.expiringSoon.push(read);
    });
    return set;
}
function readEntry(item, entry) {
    const where = `entry ${entry}`;
    if (!(0,dist/* isMap */.jh)(item))
        return `${where} is not a mapping`;
    const rule = string(item.get('rule', true));
    const named = rule ? `${where} (rule ${quote(rule)})` : where;
    const unknown = keysOf(item).filter((key) => !KEYS.has(key));
    if (unknown.length)
        return `${named} has ${unknown.length === 1 ? 'a key' : 'keys'} the gate does not read (${unknown.map(quote).join(', ')}; it reads rule, paths, resource, reason and expires)`;
    if (!rule)
        return `${where} has no \`rule\` that is a string (the HSS rule_id; quote one that YAML reads as a number)`;
    const reason = string(item.get('reason', true));
    if (!reason)
        return `${named} has no \`reason\` (a non-empty string)`;
    const expires = dateOf(item.get('expires', true));
    if (!expires)
        return `${named} has no \`expires\` date (YYYY-MM-DD)`;
    const paths = globs(item.get('paths', true));
    if (paths === undefined)
        return `${named} has \`paths\` that is not a non-empty list of globs (leave it out to cover every path)`;
    const resource = resourceOf(item.get('resource', true));
    if (resource === null)
        return `${named} has a \`resource\` that is not a mapping of kind, namespace and name (strings)`;
    const matchers = paths.map((glob) => picomatch_default()(glob, { dot: true }));
    return { entry, rule, paths, matchesPath: (path) => matchers.some((matches) => matches(path)), resource, reason: (0,src_escape/* clip */.$Q)(reason, 500), expires };
}
function label(exception) {
    return `entry ${exception.entry} (rule ${quote(exception.rule)})`;
}
/** Text from the file, for a warning: one line, short, in quotes. */
function quote(text) {
    return JSON.stringify((0,src_escape/* clip */.$Q)(text, 64));
}
/** The keys of a mapping, as text. */
function keysOf(map) {
    return map.items.map((pair) => ((0,dist/* isPair */.tO)(pair) && (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '?'));
}
/** A string scalar, trimmed; undefined when empty, absent, or not a string (a number, a boolean, a list). */
function string(node) {
    if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== 'string')
        return undefined;
    return node.value.trim() || undefined;
}
/** A calendar date written as `YYYY-MM-DD` (the core schema keeps it a string). */
function dateOf(node) {
    const text = string(node);
    if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text))
        return undefined;
    const parsed = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text ? text : undefined;
}
/** Optional globs: absent → none; a non-empty list of non-empty strings; anything else (an empty list too) → undefined. */
function globs(node) {
    if (node === undefined)
        return [];
    if (!(0,dist/* isSeq */.oP)(node) || node.items.length === 0)
        return undefined;
    const out = [];
    for (const item of node.items) {
        const text = string(item);
        if (!text)
            return undefined;
        out.push(text);
    }
    return out;
}
/** Optional resource: absent → undefined; a mapping of only kind/namespace/name, strings → it; anything else → null. */
function resourceOf(node) {
    if (node === undefined)
        return undefined;
    if (!(0,dist/* isMap */.jh)(node) || keysOf(node).some((key) => !RESOURCE_KEYS.has(key)))
        return null;
    const resource = {};
    for (const key of ['kind', 'namespace', 'name']) {
        const value = node.get(key, true);
        if (value === undefined)
            continue;
        const text = string(value);
        if (!text)
            return null;
        resource[key] = text;
    }
    return Object.keys(resource).length ? resource : null;
}
function addDays(day, days) {
    return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
/** The first active exception that covers the target, if any. */
function exceptionFor(set, target) {
    return set.active.length ? set.active.find((exception) => covers(exception, target)) : undefined;
}
function covers(exception, target) {
    if (exception.rule !== target.ruleId)
        return false;
    if (exception.paths.length && (target.path === undefined || !exception.matchesPath(target.path)))
        return false;
    const wanted = exception.resource;
    if (wanted) {
        const have = target.resource;
        if (!have)
            return false;
        if (wanted.kind !== undefined && wanted.kind.toLowerCase() !== have.kind.toLowerCase())
            return false;
        if (wanted.namespace !== undefined && wanted.namespace !== (have.namespace || 'default'))
            return false;
        if (wanted.name !== undefined && wanted.name !== have.name)
            return false;
    }
    return true;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/repo/upload-files.ts
/**
 * Which files of the checkout `upload-files` names. Every entry of the checked-out tree is matched
 * by its repository path (picomatch; `*` and `**` do not match a name that starts with a dot unless
 * the pattern spells the dot out); a path is chosen when a pattern names it and no `!` pattern does.
 * Only regular files (or links to one inside the checkout) are sent: a directory, a link that leads
 * out, and an empty file are skipped with why, for a warning. Patterns that match nothing, and files
 * over HSS's limit, are what the gate refuses before any request.
 */



function matchUploadFiles(checkout, patterns, maxBytes) {
    const tree = checkout.tree();
    const include = patterns.filter((p) => !p.exclude).map((p) => ({ pattern: p, test: picomatch_default()(p.glob, { dot: false }) }));
    const exclude = patterns.filter((p) => p.exclude).map((p) => picomatch_default()(p.glob, { dot: false }));
    const hit = new Set();
    const chosen = [];
    for (const entry of tree.entries) {
        let named = false;
        for (const { pattern, test } of include) {
            if (!test(entry.path))
                continue;
            hit.add(pattern.text);
            named = true;
        }
        if (named && !exclude.some((test) => test(entry.path)))
            chosen.push(entry);
    }
    chosen.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const match = { files: [], skipped: [], unmatched: include.filter(({ pattern }) => !hit.has(pattern.text)).map(({ pattern }) => pattern.text), tooLarge: [], complete: tree.complete };
    for (const entry of chosen) {
        const why = SKIPPED_KINDS[entry.kind];
        if (why) {
            match.skipped.push({ path: entry.path, why });
            continue;
        }
        const bytes = sizeOf(checkout, entry.path);
        if (bytes === undefined)
            match.skipped.push({ path: entry.path, why: 'it cannot be read' });
        else if (bytes === 0)
            match.skipped.push({ path: entry.path, why: 'it is empty' });
        else if (bytes > maxBytes)
            match.tooLarge.push({ path: entry.path, bytes });
        else
            match.files.push({ path: entry.path, bytes });
    }
    return match;
}
const SKIPPED_KINDS = {
    file: undefined,
    'link-file': undefined,
    dir: 'it is a directory',
    'link-dir': 'it is a link to a directory',
    'link-out': 'it is a link that leads out of the checkout',
    'link-broken': 'it is a link that leads nowhere',
    other: 'it is not a regular file'
};
/** The size of the file a path names (through a link inside the checkout), or undefined. */
function sizeOf(checkout, path) {
    if (!checkout.root)
        return undefined;
    try {
        return (0,external_node_fs_.statSync)((0,external_node_path_.join)(checkout.root, path)).size;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/repo/checkout.ts
var repo_checkout = __webpack_require__(2017);
// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(8390);
;// CONCATENATED MODULE: ./src/repo/dockerfile.ts
/**
 * Where a Dockerfile risk sits. HSS names the instruction it found the risk in (`build_instruction`);
 * a real parser (dockerfile-ast) finds it, so continuations, heredocs, several stages and the
 * `# escape=` directive read as Docker reads them. The file is parsed once (`parseDockerfile`), and
 * every risk of it is looked up in that model. The final stage is searched first (it is the image
 * that ships), bottom up, and the last match wins; then earlier stages. Every other instruction the
 * text matches is kept too (`also`): a risky RUN added to a builder stage may read exactly like an
 * old one in the final stage, and the pull request's scope must see both. A risk about an
 * instruction that is missing (no `USER`, no `HEALTHCHECK`: HSS sends no instruction) points at the
 * final stage's `FROM`, and stands for the whole final stage (`unit`). An instruction that is not in
 * the file means HSS scanned another copy.
 */

function parseDockerfile(text) {
    const dockerfile = main.DockerfileParser.parse(text);
    const escape = dockerfile.getEscapeCharacter();
    const lastLine = text.split('\n').length;
    const stages = [];
    for (const instruction of dockerfile.getInstructions()) {
        const keyword = instruction.getKeyword().toUpperCase();
        const parsed = { range: rangeOf(instruction), normalized: normalize(instruction.getTextContent(), escape), collapsed: collapse(instruction.getTextContent(), escape), keyword };
        // Each FROM starts a stage; anything before the first FROM (such as ARG) is a stage of its own.
        if (keyword === 'FROM' || stages.length === 0)
            stages.push({ instructions: [], range: { line: parsed.range.line, endLine: parsed.range.endLine } });
        stages.at(-1)?.instructions.push(parsed);
    }
    // A stage runs to the line before the next one starts; the last one to the end of the file.
    stages.forEach((stage, i) => {
        stage.range.endLine = Math.max(stage.instructions.at(-1)?.range.endLine ?? stage.range.line, (stages[i + 1]?.range.line ?? lastLine + 1) - 1);
    });
    return { escape, stages };
}
function locateInstruction(model, buildInstruction) {
    const { stages, escape } = model;
    if (stages.length === 0)
        return { kind: 'unparsable' };
    const wanted = normalize(buildInstruction, escape);
    const loose = collapse(buildInstruction, escape);
    if (!wanted) {
        const final = stages.at(-1);
        const from = final?.instructions[0];
        return final && from?.keyword === 'FROM' ? { kind: 'final-from', ...from.range, unit: final.range } : { kind: 'unparsable' };
    }
    const cut = (text) => (text.endsWith('…') ? text.slice(0, -1).trimEnd() : undefined);
    const clipped = cut(wanted);
    const looseClipped = cut(loose);
    const tests = [
        (i) => i.normalized === wanted || (clipped !== undefined && i.normalized.startsWith(clipped)),
        // HSS may quote only part of it: the arguments, or the one command of a long RUN.
        (i) => loose.length >= 6 && (i.normalized.includes(clipped ?? wanted) || i.collapsed.includes(looseClipped ?? loose))
    ];
    // The final stage first, bottom up; then the stages before it.
    const order = [...stages].reverse().flatMap((stage) => [...stage.instructions].reverse());
    for (const test of tests) {
        const matches = order.filter(test);
        const [first, ...others] = matches;
        if (first)
            return { kind: 'instruction', ...first.range, also: others.map((other) => other.range) };
    }
    return { kind: 'absent' };
}
/**
 * One line, white space collapsed, and continuations joined: the escape character before a line
 * break, or before the space that a line break became in HSS's one-line text.
 */
function collapse(text, escape) {
    return text.split(escape).map((part, i) => (i > 0 && /^\s/.test(part) ? part : i > 0 ? `${escape}${part}` : part)).join('').replace(/\s+/g, ' ').trim();
}
/** Collapsed, with the keyword upper-cased: how two spellings of one instruction compare. */
function normalize(text, escape = '\\') {
    const collapsed = collapse(text, escape);
    const space = collapsed.indexOf(' ');
    return space < 0 ? collapsed.toUpperCase() : `${collapsed.slice(0, space).toUpperCase()}${collapsed.slice(space)}`;
}
function rangeOf(instruction) {
    const range = instruction.getRange();
    return { line: range.start.line + 1, endLine: range.end.line + 1 };
}

;// CONCATENATED MODULE: ./src/repo/hit-path.ts
/**
 * HSS's `hit_path`: where in a Kubernetes object a risk sits. No published example shows its format,
 * so every common one is read: dotted with indexes (`spec.containers[0].securityContext`), a JSON
 * pointer (`/spec/containers/0/securityContext`), and JSONPath (`$.spec.containers[0]`,
 * `$['spec']['containers'][0]`), with bracketed keys that hold dots (`metadata.annotations["a.b/c"]`)
 * and a list item chosen by a field (`containers[name=app]`, `containers[?(@.name=='app')]`).
 * A part the reader cannot make out ends the path there: the walk stops at the last part it knows.
 */
function parseHitPath(text) {
    const path = text.trim();
    if (!path)
        return [];
    if (path.startsWith('/'))
        return pointerSteps(path);
    const body = path.startsWith('$') ? path.slice(1) : path;
    return dottedSteps(body);
}
/** RFC 6901: `/a/b~1c/0`; a number may be an index or a key, which the walk decides. */
function pointerSteps(path) {
    return path
        .slice(1)
        .split('/')
        .map((token) => ({ key: token.replace(/~1/g, '/').replace(/~0/g, '~') }));
}
function dottedSteps(body) {
    const steps = [];
    let i = 0;
    while (i < body.length) {
        const c = body[i];
        if (c === '.') {
            i++;
            continue;
        }
        if (c === '[') {
            const close = closingBracket(body, i);
            if (close < 0)
                break;
            const step = bracketStep(body.slice(i + 1, close).trim());
            if (!step)
                break;
            steps.push(step);
            i = close + 1;
            continue;
        }
        let end = i;
        while (end < body.length && body[end] !== '.' && body[end] !== '[')
            end++;
        const key = body.slice(i, end);
        if (key === '*')
            break;
        steps.push({ key });
        i = end;
    }
    return steps;
}
/** The index of the `]` that closes the bracket at `open`, skipping quoted text. */
function closingBracket(body, open) {
    let quote;
    for (let i = open + 1; i < body.length; i++) {
        const c = body[i];
        if (quote) {
            if (c === quote)
                quote = undefined;
        }
        else if (c === '"' || c === "'")
            quote = c;
        else if (c === ']')
            return i;
    }
    return -1;
}
function bracketStep(inside) {
    if (/^\d+$/.test(inside))
        return { index: Number(inside) };
    const quoted = /^(['"])(.*)\1$/.exec(inside);
    if (quoted)
        return { key: quoted[2] ?? '' };
    const filter = /^\?\(\s*@\.([\w-]+)\s*==\s*(['"])(.*)\2\s*\)$/.exec(inside);
    if (filter)
        return { field: filter[1] ?? '', value: filter[3] ?? '' };
    const equals = /^([\w-]+)\s*=\s*(['"]?)(.*)\2$/.exec(inside);
    if (equals)
        return { field: equals[1] ?? '', value: equals[3] ?? '' };
    return undefined;
}
/** The steps written back as a dotted path, for people: `spec.containers[0].securityContext`. */
function formatSteps(steps) {
    let out = '';
    for (const step of steps) {
        if ('index' in step)
            out += `[${step.index}]`;
        else if ('field' in step)
            out += `[${step.field}=${step.value}]`;
        else
            out += /^[\w-]+$/.test(step.key) ? `${out ? '.' : ''}${step.key}` : `[${JSON.stringify(step.key)}]`;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/repo/k8s-yaml.ts
/**
 * Where a Kubernetes YAML risk sits. HSS says which resource (kind, namespace, name) and where in it
 * (`hit_path`, see hit-path.ts). The file is parsed once (`parseYaml`) with the `yaml` package, which
 * keeps every node's source range; the document is matched by kind, name and namespace (a file holds
 * many, between `---`), and the path is walked to the deepest node that exists: a key that is missing
 * (a `runAsNonRoot` nobody set) points at its nearest existing parent, and stands for the whole
 * resource (`unit`: its document's lines). A file that does not parse (a Helm template, say) leaves
 * the risk at file level; a resource that is not in it means HSS scanned another copy.
 */


function parseYaml(text) {
    const lines = new dist/* LineCounter */.HN();
    let parsed;
    try {
        parsed = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines, uniqueKeys: false });
    }
    catch {
        return undefined;
    }
    if (!Array.isArray(parsed))
        return undefined;
    const documents = [];
    let broken = false;
    for (const doc of parsed) {
        if (doc.errors.length || !(0,dist/* isMap */.jh)(doc.contents)) {
            if (doc.contents !== null || doc.errors.length)
                broken = true;
            continue;
        }
        const [start = 0, , end = start] = doc.range;
        documents.push({ contents: doc.contents, range: lineRange(text, lines, start, end), first: lines.linePos(doc.contents.range?.[0] ?? start).line });
    }
    return { text, lines, documents, broken };
}
/**
 * The file's one resource, when it holds exactly one: where a risk sits whose place HSS did not say
 * (its paths did not come in time, or came empty). With several documents the gate does not guess.
 */
function onlyResource(model) {
    const [only, ...others] = model?.documents ?? [];
    return only && others.length === 0 && !model?.broken ? { line: only.first, unit: only.range } : undefined;
}
function locateResource(model, resource, hitPath) {
    if (!model)
        return { kind: 'unparsable' };
    const matches = model.documents.filter((doc) => isResource(doc.contents, resource));
    if (matches.length > 1)
        return { kind: 'ambiguous', count: matches.length };
    const doc = matches[0];
    if (!doc)
        return model.broken ? { kind: 'unparsable' } : { kind: 'absent' };
    const steps = withoutPrefix(parseHitPath(hitPath), resource);
    const { node, span, walked } = walk(doc.contents, steps);
    const range = span ?? node.range;
    if (!range)
        return { kind: 'unparsable' };
    return { kind: 'node', walked: formatSteps(walked), complete: walked.length === steps.length && steps.length > 0, unit: doc.range, ...lineRange(model.text, model.lines, range[0], range[1]) };
}
function isResource(map, resource) {
    const kind = scalarText(map.get('kind', true));
    const metadata = map.get('metadata', true);
    const meta = (0,dist/* isMap */.jh)(metadata) ? metadata : undefined;
    const name = scalarText(meta?.get('name', true));
    const namespace = scalarText(meta?.get('namespace', true)) ?? '';
    if (resource.kind && kind?.toLowerCase() !== resource.kind.toLowerCase())
        return false;
    if (resource.name && name !== resource.name)
        return false;
    // A resource without a namespace lands in the one it is applied to: HSS may call that `default`.
    if (resource.namespace && namespace !== resource.namespace && !(namespace === '' && resource.namespace === 'default'))
        return false;
    return true;
}
/** HSS may start the path with the kind (`Deployment.spec…`); the object itself has no such key. */
function withoutPrefix(steps, resource) {
    const first = steps[0];
    if (first && 'key' in first && resource.kind && first.key.toLowerCase() === resource.kind.toLowerCase())
        return steps.slice(1);
    return steps;
}
/** Follows the steps as far as they exist; the span covers a key with its value, or a list item. */
function walk(root, steps) {
    let node = root;
    let span;
    const walked = [];
    for (const step of steps) {
        let next;
        if ((0,dist/* isMap */.jh)(node) && 'key' in step) {
            const pair = node.items.find((item) => (0,dist/* isPair */.tO)(item) && scalarText(item.key) === step.key);
            if (pair)
                next = pairSpan(pair);
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            const index = 'index' in step ? step.index : 'key' in step && /^\d+$/.test(step.key) ? Number(step.key) : undefined;
            const item = index !== undefined ? node.items[index] : 'field' in step ? node.items.find((it) => (0,dist/* isMap */.jh)(it) && scalarText(it.get(step.field, true)) === step.value) : undefined;
            // A pointer's `0` is an index once it meets a list.
            if (item && typeof item === 'object' && 'range' in item && item.range)
                next = { node: item, span: undefined, step: index !== undefined ? { index } : step };
        }
        if (!next)
            break;
        node = next.node;
        span = next.span;
        walked.push(next.step ?? step);
    }
    return { node, span, walked };
}
function pairSpan(pair) {
    const keyRange = pair.key?.range;
    const value = pair.value;
    const end = value?.range?.[1] ?? keyRange?.[1];
    const span = keyRange && end !== undefined ? [keyRange[0], end] : undefined;
    // A key with no value (`securityContext:`) is itself the deepest node there is.
    return { node: value && value.range ? value : pair.key, span };
}
function scalarText(node) {
    if (!(0,dist/* isScalar */.jn)(node))
        return undefined;
    const value = node.value;
    return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
/** 1-based lines of the text from `start` to `end`, the end trimmed back over trailing white space. */
function lineRange(text, lines, start, end) {
    let last = Math.max(start, end - 1);
    while (last > start && /\s/.test(text[last] ?? ''))
        last--;
    return { line: lines.linePos(start).line, endLine: lines.linePos(last).line };
}

;// CONCATENATED MODULE: ./src/gate/risks/locate-risks.ts
/**
 * Puts a risk on its lines in the checked-out repository: its file mapped to a repository path (the
 * path it was uploaded from, when this run uploaded it; else HSS's name resolved in the checkout),
 * then the Dockerfile instruction HSS named (repo/dockerfile.ts), or each place HSS's YAML paths name
 * (repo/k8s-yaml.ts). Each file is read and parsed once, however many risks it has (`parsedFiles`).
 * Loaded only when risks are read: the parsers are not needed at start-up.
 */




function parsedFiles(checkout) {
    const texts = new Map();
    const dockerfiles = new Map();
    const yamls = new Map();
    const text = (path) => {
        if (!texts.has(path)) {
            const read = checkout.read(path);
            texts.set(path, read.kind === 'text' ? read.text : undefined);
        }
        return texts.get(path);
    };
    return {
        dockerfile(path) {
            if (!dockerfiles.has(path)) {
                const source = text(path);
                dockerfiles.set(path, source === undefined ? undefined : parseDockerfile(source));
            }
            return dockerfiles.get(path);
        },
        yaml(path) {
            if (!yamls.has(path)) {
                const source = text(path);
                yamls.set(path, source === undefined ? undefined : (parseYaml(source) ?? 'unparsable'));
            }
            return yamls.get(path);
        }
    };
}
/**
 * The places of one risk; `uploaded` is the path this run uploaded the risk's file from, when it did.
 * Without `files` (the time-out has come) the risk stays at its file, which is not read.
 */
function locateRisk(risk, kind, checkout, files, paths, uploaded) {
    const found = uploaded ? { path: uploaded } : (0,repo_checkout/* placeOf */.$t)(checkout, risk.file_name);
    if ('note' in found)
        return [{ note: found.note }];
    const path = found.path;
    if (!files)
        return [{ path, note: 'not placed before the time-out' }];
    if (kind === 'dockerfile') {
        const model = files.dockerfile(path);
        return [model ? dockerfileLocation(path, model, risk.build_instruction) : { path, note: 'the file could not be read' }];
    }
    const model = files.yaml(path);
    if (model === undefined)
        return [{ path, note: 'the file could not be read' }];
    const parsed = model === 'unparsable' ? undefined : model;
    if (typeof paths === 'string' || paths === undefined || paths.length === 0) {
        const why = typeof paths === 'string' ? paths : paths ? 'HSS lists no path for this risk' : 'HSS gave no path for this risk';
        // Without HSS's place, the file's one resource is the place; among several, none.
        const only = onlyResource(parsed);
        return [only ? { path, line: only.line, endLine: only.line, unit: only.unit, note: `${why}: the file's only resource starts here` } : { path, note: `no line: ${why}` }];
    }
    return paths.map((where) => yamlLocation(path, parsed, where));
}
function dockerfileLocation(path, model, instruction) {
    const found = locateInstruction(model, instruction);
    switch (found.kind) {
        case 'instruction':
            return { path, line: found.line, endLine: found.endLine, ...(found.also.length ? { also: found.also } : {}) };
        case 'final-from':
            return { path, line: found.line, endLine: found.endLine, unit: found.unit, note: 'about an instruction that is missing: the final stage starts here' };
        case 'absent':
            return { path, note: 'HSS scanned a different copy of this file: its instruction is not in the checked-out file' };
        case 'unparsable':
            return { path, note: 'the checked-out file has no Dockerfile instructions' };
    }
}
function yamlLocation(path, model, where) {
    const resource = where.resource;
    const base = { path, resource, ...(where.hitPath ? { hitPath: (0,src_escape/* clip */.$Q)(where.hitPath, 300) } : {}) };
    const found = locateResource(model, resource, where.hitPath);
    switch (found.kind) {
        case 'node':
            return { ...base, line: found.line, endLine: found.endLine, ...(found.complete ? {} : { unit: found.unit, note: 'the rest of the path is not in the file: this is its nearest existing part' }) };
        case 'absent':
            return { ...base, note: 'HSS scanned a different copy of this file: the resource is not in the checked-out file' };
        case 'ambiguous':
            return { ...base, note: `${found.count} documents in the file are this resource, so the gate does not guess` };
        case 'unparsable':
            return { ...base, note: 'the file does not parse as YAML (a template?), so the risk stays at file level' };
    }
}

;// CONCATENATED MODULE: ./src/gate/repo-readers.ts
/**
 * The repository readers that need parsers (dockerfile-ast, yaml, picomatch), in one chunk that
 * loads only when they are needed: the exceptions file, the lines each risk sits on, and the files
 * `upload-files` names.
 */





/***/ })

};
