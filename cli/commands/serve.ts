/** `mashflow serve`: the browser editor on 127.0.0.1, over the models folder, until Ctrl+C. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { display, UsageError } from '../files.ts';
import { defaultStaticRoot, startEditorServer } from '../server/server.ts';

export interface ServeOptions {
  port: number;
  open: boolean;
  modelsRoot?: string;
}

export const defaultPort = 4178;

/** Opens the page in the desktop's browser; on a machine without one, the printed address is enough. */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer.exe' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => console.log(`(could not open a browser: open ${url} yourself)`));
    child.unref();
  } catch {
    console.log(`(could not open a browser: open ${url} yourself)`);
  }
}

export async function serveCommand(options: ServeOptions): Promise<number> {
  const modelsRoot = options.modelsRoot ?? 'models';
  if (options.port > 65_535) throw new UsageError(`--port needs a port number, 0 to 65535 (got ${options.port})`);
  if (!existsSync(modelsRoot)) throw new UsageError(`${display(modelsRoot)}: no models folder; run mashflow serve from the repository root`);
  if (!existsSync(join(defaultStaticRoot, 'index.html'))) {
    throw new UsageError('the editor is not built: run npm run editor (builds, then serves) or npm run editor:build first');
  }
  let server;
  try {
    server = await startEditorServer({ modelsRoot, port: options.port });
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') throw new UsageError(`port ${options.port} is in use; pick another with --port N (0 for any free port)`);
    throw error;
  }
  console.log(`mashflow editor: ${server.url}  (models: ${display(modelsRoot)}/; Ctrl+C to stop)`);
  if (options.open) openBrowser(server.url);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
