/** The action's name and version, for the User-Agent and the summary. */
export const ACTION_NAME = 'hss-scan-gate'
export const ACTION_VERSION = '1.0.0'
export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION} (GitHub Action)`
