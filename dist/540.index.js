export const id = 540;
export const ids = [540];
export const modules = {

/***/ 6540:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EXPIRING_DAYS: () => (/* binding */ EXPIRING_DAYS),
/* harmony export */   ExceptionsFileError: () => (/* binding */ ExceptionsFileError),
/* harmony export */   MAX_EXCEPTIONS: () => (/* binding */ MAX_EXCEPTIONS),
/* harmony export */   MAX_EXCEPTIONS_BYTES: () => (/* binding */ MAX_EXCEPTIONS_BYTES),
/* harmony export */   NO_EXCEPTIONS: () => (/* binding */ NO_EXCEPTIONS),
/* harmony export */   exceptionFor: () => (/* binding */ exceptionFor),
/* harmony export */   parseExceptions: () => (/* binding */ parseExceptions)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2988);
/**
 * Accepted risks (`exceptions-file`): each entry names an HSS rule, optionally path globs and a
 * resource, and must give a reason and an expiry date. An entry that has expired, or lacks its rule,
 * reason or date, excepts nothing (the gate names it in a warning). A file that is not valid YAML,
 * or not the shape below, is a configuration error: never "no exceptions".
 *
 *   exceptions:
 *     - rule: DKR-001
 *       paths: ["services/legacy/**"]
 *       resource: {kind: Deployment, namespace: prod, name: api}
 *       reason: Legacy image, replaced in Q1
 *       expires: 2027-03-31
 */



const EXPIRING_DAYS = 14;
/** An exceptions file larger than this is refused: it is reviewed by people, not generated. */
const MAX_EXCEPTIONS_BYTES = 256 * 1024;
const MAX_EXCEPTIONS = 1000;
const NO_EXCEPTIONS = { active: [], ignored: [], expiringSoon: [] };
/** The file could not be parsed, or is not the shape the gate reads. */
class ExceptionsFileError extends Error {
    name = 'ExceptionsFileError';
}
/** `today` is `YYYY-MM-DD` (UTC). */
function parseExceptions(text, today) {
    if (text.length > MAX_EXCEPTIONS_BYTES)
        throw new ExceptionsFileError(`is larger than ${MAX_EXCEPTIONS_BYTES / 1024} KiB`);
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length)
        throw new ExceptionsFileError(`is not valid YAML: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(doc.errors[0]?.message ?? 'parse error', 200)}`);
    const root = doc.contents;
    if (root === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(root) && root.value === null))
        return NO_EXCEPTIONS;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root))
        throw new ExceptionsFileError('must be a mapping with an `exceptions:` list');
    const list = root.get('exceptions', true);
    if (list === undefined || list === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(list) && list.value === null))
        return NO_EXCEPTIONS;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(list))
        throw new ExceptionsFileError('has `exceptions:` that is not a list');
    if (list.items.length > MAX_EXCEPTIONS)
        throw new ExceptionsFileError(`has more than ${MAX_EXCEPTIONS} entries`);
    const set = { active: [], ignored: [], expiringSoon: [] };
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
        if (read.expires <= addDays(today, EXPIRING_DAYS))
            set.expiringSoon.push(read);
    });
    return set;
}
function readEntry(item, entry) {
    const where = `entry ${entry}`;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(item))
        return `${where} is not a mapping`;
    const rule = scalar(item.get('rule', true));
    const named = rule ? `${where} (rule ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(rule, 64)})` : where;
    if (!rule)
        return `${where} has no \`rule\` (the HSS rule_id)`;
    const reason = scalar(item.get('reason', true));
    if (!reason)
        return `${named} has no \`reason\``;
    const expiresNode = item.get('expires', true);
    const expires = dateOf(expiresNode);
    if (!expires)
        return `${named} has no \`expires\` date (YYYY-MM-DD)`;
    const paths = globs(item.get('paths', true));
    if (paths === undefined)
        return `${named} has \`paths\` that is not a list of globs`;
    const resource = resourceOf(item.get('resource', true));
    if (resource === null)
        return `${named} has a \`resource\` that is not a mapping of kind, namespace and name`;
    return { entry, rule, paths, resource, reason: (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(reason, 500), expires };
}
function label(exception) {
    return `entry ${exception.entry} (rule ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(exception.rule, 64)})`;
}
/** A string (or number) scalar, trimmed; undefined when empty or not a scalar. */
function scalar(node) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node))
        return undefined;
    const value = node.value;
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
    return text?.trim() || undefined;
}
/** A calendar date as `YYYY-MM-DD`, from the text or from a YAML 1.1 timestamp. */
function dateOf(node) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node))
        return undefined;
    const value = node.value;
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value.trim() : undefined;
    if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text))
        return undefined;
    const parsed = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text ? text : undefined;
}
/** Optional globs: absent → none; a string or a list of strings; anything else → undefined. */
function globs(node) {
    if (node === undefined || node === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && node.value === null))
        return [];
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node))
        return typeof node.value === 'string' && node.value.trim() ? [node.value.trim()] : undefined;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
        return undefined;
    const out = [];
    for (const item of node.items) {
        const text = scalar(item);
        if (!text)
            return undefined;
        out.push(text);
    }
    return out;
}
/** Optional resource: absent → undefined; a mapping of kind/namespace/name → it; anything else → null. */
function resourceOf(node) {
    if (node === undefined || node === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && node.value === null))
        return undefined;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return null;
    const resource = {};
    for (const key of ['kind', 'namespace', 'name']) {
        const value = scalar(node.get(key, true));
        if (value)
            resource[key] = value;
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
    if (exception.paths.length) {
        if (target.path === undefined)
            return false;
        const path = target.path;
        if (!exception.paths.some((glob) => picomatch__WEBPACK_IMPORTED_MODULE_2___default().isMatch(path, glob, { dot: true })))
            return false;
    }
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


/***/ })

};
