// Large files go straight to storage: the API checks the metadata and grants a SAS URL for one
// drop-zone blob; the file is written there in 8 MB blocks (Put Block, then Put Block List), never
// through the host (whose HTTP uploads Azure Functions cuts off well below the 500 MB limit); then
// the grant says which recording the file became, or why it was refused.
import { api, apiPath, ApiError, sleep } from './common.js';

/** Files above this go direct; smaller ones are posted to the API as before. */
export const DIRECT_ABOVE_BYTES = 32 * 1024 * 1024;
const BLOCK_BYTES = 8 * 1024 * 1024;

/** One PUT to storage with XMLHttpRequest (upload progress events); resolves with the status. */
function put(url, body, headers, onProgress) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded); });
    xhr.addEventListener('load', () => resolve(xhr.status));
    xhr.addEventListener('error', () => resolve(0));
    xhr.send(body);
  });
}

const withQuery = (url, query) => `${url}${url.includes('?') ? '&' : '?'}${query}`;
const blockId = (n) => btoa(String(n).padStart(6, '0'));

/** Uploads one file direct; resolves like the HTTP upload ({ status, body }) so the page treats both alike. */
export async function sendDirect(study, file, values, onProgress) {
  let grant;
  try {
    grant = await api(`studies/${encodeURIComponent(study)}/upload-grants`, {
      method: 'POST',
      json: { fileName: file.name, contentType: file.type || 'application/octet-stream', sizeBytes: file.size, fields: values },
    });
  } catch (e) {
    return { status: e instanceof ApiError ? e.status : 0, body: { detail: e.message } };
  }

  const ids = [];
  for (let offset = 0, n = 0; offset < file.size; offset += BLOCK_BYTES, n++) {
    const id = blockId(n);
    const status = await put(withQuery(grant.uploadUrl, `comp=block&blockid=${encodeURIComponent(id)}`),
      file.slice(offset, offset + BLOCK_BYTES), {}, (loaded) => onProgress(offset + loaded, file.size));
    if (status !== 201) return { status: status || 0, body: { detail: `Storage refused part of the file (${status || 'no answer'}); upload it again.` } };
    ids.push(id);
  }
  const list = `<?xml version="1.0" encoding="utf-8"?><BlockList>${ids.map((id) => `<Latest>${id}</Latest>`).join('')}</BlockList>`;
  const committed = await put(withQuery(grant.uploadUrl, 'comp=blocklist'), list,
    { 'Content-Type': 'application/xml', 'x-ms-blob-content-type': grant.headers['x-ms-blob-content-type'] }, () => {});
  if (committed !== 201) return { status: committed || 0, body: { detail: `Storage did not accept the file (${committed || 'no answer'}); upload it again.` } };
  onProgress(file.size, file.size);

  // The drop zone takes the file in on its own (Event Grid in Azure, a poller locally).
  for (;;) {
    const state = await api(apiPath(grant.statusUrl));
    if (state.state === 'Accepted') return { status: state.duplicate ? 200 : 202, body: { recordingId: state.recordingId, duplicate: state.duplicate } };
    if (state.state === 'Refused') return { status: 422, body: { detail: state.reason } };
    if (state.state === 'Expired') return { status: 410, body: { detail: 'The upload URL expired before the file was taken in; upload it again.' } };
    await sleep(1000);
  }
}
