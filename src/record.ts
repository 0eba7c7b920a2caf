/** A JSON object (not null, not an array): what every answer and event file is checked to be first. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
