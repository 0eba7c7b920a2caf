export const id = 883;
export const ids = [883];
export const modules = {

/***/ 6121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lookUpProjectId: () => (/* binding */ lookUpProjectId)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _signer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5094);
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7137);
/** The project id of a region, looked up in IAM (as the SDKs do when none is given). */



async function lookUpProjectId(send, iamEndpoint, region) {
    const url = (0,_signer_js__WEBPACK_IMPORTED_MODULE_1__/* .withQuery */ .VL)(new URL(`${iamEndpoint}/v3/projects`), { name: region });
    const { projects } = await send({ operation: 'IAM KeystoneListProjects', method: 'GET', url, accept: isProjects });
    const matches = projects.filter((project) => project.name === region);
    // The id goes into every request path: one IAM sends must follow the project-id input's rules.
    if (matches.length === 1 && matches[0] && (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .serverId */ .Lu)(matches[0].id))
        return matches[0].id;
    if (matches.length === 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('project-id', undefined, `is empty, and the project id IAM sent for ${region} is not a project id (letters, digits, - and _); set project-id (or HUAWEI_CLOUD_PROJECT_ID)`);
    const found = matches.length === 0 ? 'no project' : `${matches.length} projects`;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('project-id', undefined, `is empty and IAM has ${found} named ${region} for these credentials; set project-id (or HUAWEI_CLOUD_PROJECT_ID)`);
}
function isProjects(data) {
    return ((0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(data) &&
        Array.isArray(data.projects) &&
        data.projects.every((p) => (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(p) && typeof p.id === 'string' && typeof p.name === 'string'));
}


/***/ })

};
