import { parentPort } from 'node:worker_threads';
import { listHtmlPagesSync } from '../publish/sitemap.js';
import { listFilesSync } from './list-files.js';
import { linkFiles, type LinkReply, type LinkRequest } from './file-linker.js';

/** The worker thread of a `FileLinker`: links the files of each request as it comes, or lists the pages or files asked for. */
parentPort?.on('message', (request: LinkRequest) => {
  let reply: LinkReply;
  try {
    reply =
      request.kind === 'link'
        ? { id: request.id, kind: 'link', failed: linkFiles(request.fromDir, request.toDir, request.files) }
        : request.kind === 'list'
          ? { id: request.id, kind: 'list', pages: listHtmlPagesSync(request.dir) }
          : { id: request.id, kind: 'files', files: listFilesSync(request.dir) };
  } catch (error) {
    reply = { id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
