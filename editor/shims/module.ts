/**
 * `node:module` for the page. bpmn-engine's entry does
 * `createRequire(fileURLToPath(import.meta.url))('../package.json')` once, only to read its own
 * version; nothing else is required at run time. The version is bundled from its package.json.
 */
import enginePackage from '../../node_modules/bpmn-engine/package.json' with { type: 'json' };

export function createRequire(_from: string | URL): (id: string) => unknown {
  return (id: string) => {
    if (id === '../package.json') return { name: enginePackage.name, version: enginePackage.version };
    throw new Error(`require("${id}") is not available in the page; only bpmn-engine's own package.json is`);
  };
}

export default { createRequire };
