// The floor for the action's job: one plain fetch of the same ListTasks request, and nothing else.
const [url, token] = process.argv.slice(2)
const response = await fetch(url, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token },
  body: JSON.stringify({ task_type: 'iac_scan', task_id: 't-1' })
})
const body = await response.json()
if (body.data_list?.[0]?.task_status !== 'finished') process.exit(1)
