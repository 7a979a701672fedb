/**
 * `node:vm` for the page. bpmn-engine compiles script tasks and JavaScript conditions with
 * vm.Script; mashflow models have neither (engine/model.ts refuses them, engine/run.ts refuses
 * every script), and the page must never run code from a model, so compiling one is an error.
 */
export class Script {
  constructor(_code: string, options?: { filename?: string }) {
    throw new Error(`scripts are not run: ${options?.filename ?? 'a script'} in the model asked for one; mashflow models route on FEEL conditions only`);
  }
}

export default { Script };
