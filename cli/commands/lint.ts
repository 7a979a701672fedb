import { lintModel } from '../../engine/lint/index.ts';
import { display, findFiles, readText } from '../files.ts';

export async function lintCommand(paths: readonly string[]): Promise<number> {
  const files = findFiles(paths.length > 0 ? paths : ['models'], ['.bpmn']);
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const issues = await lintModel(readText(file, 'model file (.bpmn)'), display(file));
    for (const issue of issues) {
      console.log(`${issue.file}: ${issue.id || '(file)'}: ${issue.category}: ${issue.message} (${issue.rule})`);
      if (issue.category === 'error') errors++;
      else warnings++;
    }
  }
  console.log(`${files.length} model${files.length === 1 ? '' : 's'} linted: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return errors > 0 ? 1 : 0;
}
