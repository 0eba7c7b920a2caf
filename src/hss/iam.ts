/** The project id of a region, looked up in IAM (as the SDKs do when none is given). */
import { InputError } from '../errors.ts'
import type { IamProjectsResponse } from './models.ts'
import { withQuery } from './signer.ts'
import { isRecord, serverId } from './fields.ts'
import type { Send } from './transport.ts'

export async function lookUpProjectId(send: Send, iamEndpoint: string, region: string): Promise<string> {
  const url = withQuery(new URL(`${iamEndpoint}/v3/projects`), { name: region })
  const { projects } = await send({ operation: 'IAM KeystoneListProjects', method: 'GET', url, accept: isProjects })
  const matches = projects.filter((project) => project.name === region)
  // The id goes into every request path: one IAM sends must follow the project-id input's rules.
  if (matches.length === 1 && matches[0] && serverId(matches[0].id)) return matches[0].id
  if (matches.length === 1) throw new InputError('project-id', undefined, `is empty, and the project id IAM sent for ${region} is not a project id (letters, digits, - and _); set project-id (or HUAWEI_CLOUD_PROJECT_ID)`)
  const found = matches.length === 0 ? 'no project' : `${matches.length} projects`
  throw new InputError('project-id', undefined, `is empty and IAM has ${found} named ${region} for these credentials; set project-id (or HUAWEI_CLOUD_PROJECT_ID)`)
}

function isProjects(data: unknown): data is IamProjectsResponse {
  return (
    isRecord(data) &&
    Array.isArray(data.projects) &&
    data.projects.every((p) => isRecord(p) && typeof p.id === 'string' && typeof p.name === 'string')
  )
}
