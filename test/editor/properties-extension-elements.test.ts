/**
 * The properties panel's extension-element plans, applied the way bpmn-js's
 * element.updateModdleProperties applies them (set each property, remember the old value for
 * undo), on Derby parsed with mashflow's moddle: the written XML, that the engine still loads it,
 * and that undoing the plan gives back the file as it was.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ModdleElement } from 'bpmn-moddle';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  extensionOf,
  extensionsOf,
  planAdd,
  planRemove,
  planUpdate,
  planUpsert,
  runCommands,
  type CreateModdleElement,
  type DiagramElement,
  type ModdleCommand,
} from '../../editor/properties/extension-elements.ts';
import { createModdle, parseModel } from '../../engine/model.ts';

const derbyXml = readFileSync(fileURLToPath(new URL('../../models/derby.bpmn', import.meta.url)), 'utf8');

/** Applies the commands in order; returns the undo, which restores every property in reverse. */
function apply(commands: readonly ModdleCommand[]): () => void {
  const undo: (() => void)[] = [];
  for (const { context } of commands) {
    const { moddleElement, properties } = context;
    const old = Object.fromEntries(Object.keys(properties).map((key) => [key, moddleElement.get(key)]));
    for (const [key, value] of Object.entries(properties)) moddleElement.set(key, value);
    undo.unshift(() => {
      for (const [key, value] of Object.entries(old)) moddleElement.set(key, value);
    });
  }
  return () => undo.forEach((step) => step());
}

describe('properties panel: extension-element plans', () => {
  const moddle = createModdle();
  const create: CreateModdleElement = (type, attributes) => moddle.create(type, attributes);
  let definitions: ModdleElement;
  let before: string;

  const element = (id: string): DiagramElement => {
    const found = (function find(node: ModdleElement): ModdleElement | undefined {
      if (node.id === id) return node;
      for (const child of [...(node.rootElements ?? []), ...(node.flowElements ?? []), ...(node.laneSets ?? []).flatMap((set: ModdleElement) => set.lanes ?? [])]) {
        const hit = find(child);
        if (hit) return hit;
      }
      return undefined;
    })(definitions);
    if (!found) throw new Error(`no ${id} in Derby`);
    return { id, businessObject: found };
  };
  const xml = async () => (await moddle.toXML(definitions, { format: true })).xml;
  const sectionOf = (text: string, id: string) => {
    const start = text.indexOf(`id="${id}"`);
    // The element's opening, documentation and extension elements: everything before its flows.
    return text.slice(start, text.indexOf('<bpmn:incoming>', start));
  };

  beforeEach(async () => {
    definitions = (await moddle.fromXML(derbyXml, 'bpmn:Definitions')).rootElement;
    before = await xml();
  });

  it('given a task without extension elements, when a duration is added, then bpmn:extensionElements is created with it, the engine reads it, and undo restores the file', async () => {
    const bare = element('emailManagerOnTheDay');
    expect(bare.businessObject.extensionElements).toBeUndefined();

    const commands = planAdd(bare, 'mashflow:Duration', { triangular: '10 20 40', fixed: '' }, create);
    expect(commands).toHaveLength(2);
    const undo = apply(commands);
    const after = await xml();
    expect(sectionOf(after, 'emailManagerOnTheDay')).toContain('<mashflow:duration triangular="10 20 40" />');
    expect(after).not.toContain('fixed=');
    const model = await parseModel(after, 'derby.bpmn');
    expect(model.nodes.get('emailManagerOnTheDay')?.simulation.duration).toEqual({ triangular: '10 20 40' });

    undo();
    expect(await xml()).toBe(before);
  });

  it('given a task with words and a deadline, when an outcome is added, then it comes after the others and they are untouched', async () => {
    const task = element('recordAlertWithin24h');
    const commands = planAdd(task, 'mashflow:Outcome', { word: 'marac' }, create);
    expect(commands).toHaveLength(1);
    apply(commands);
    expect(extensionsOf(task.businessObject, 'mashflow:Outcome').map((outcome) => outcome.word)).toEqual(['allocated-team', 'marac']);
    const model = await parseModel(await xml(), 'derby.bpmn');
    const node = model.nodes.get('recordAlertWithin24h')!;
    expect(node.outcomes).toEqual(['allocated-team', 'marac']);
    expect(node.notifications).toEqual(['allocated-worker']);
    expect(node.deadline?.within).toBe('PT24H');
  });

  it('given a deadline, when its attributes are updated, then only the changed ones are written; the same values again plan nothing', async () => {
    const task = element('recordAlertWithin24h');
    const deadline = extensionOf(task.businessObject, 'mashflow:Deadline')!;
    expect(planUpdate(task, deadline, { within: 'PT24H', clock: 'elapsed' })).toEqual([]);

    apply(planUpsert(task, 'mashflow:Deadline', { within: 'P1D', clock: 'working-days' }, create));
    expect(extensionsOf(task.businessObject, 'mashflow:Deadline')).toHaveLength(1);
    const node = (await parseModel(await xml(), 'derby.bpmn')).nodes.get('recordAlertWithin24h')!;
    expect(node.deadline).toEqual({ name: 'DV alert indexed within 24 hours of receipt', within: 'P1D', clock: 'working-days', amount: 1 });
  });

  it('given a meeting with a capacity, when the capacity is emptied, then the attribute is removed from the XML', async () => {
    const task = element('standardRiskTriage');
    const meeting = extensionOf(task.businessObject, 'mashflow:Meeting');
    expect(meeting, 'Derby triages standard risk at a meeting').toBeDefined();
    apply(planUpdate(task, meeting!, { capacity: '12' }));
    expect(sectionOf(await xml(), 'standardRiskTriage')).toContain('capacity="12"');
    apply(planUpdate(task, meeting!, { capacity: '' }));
    expect(sectionOf(await xml(), 'standardRiskTriage')).not.toContain('capacity=');
  });

  it('given extension elements, when one of several is removed the rest stay, and when the last goes bpmn:extensionElements goes too; undo brings both back', async () => {
    const task = element('alertHealthAndEwo');
    const [health, education] = extensionsOf(task.businessObject, 'mashflow:Notification');
    const undoFirst = apply(planRemove(task, health!));
    expect(extensionsOf(task.businessObject, 'mashflow:Notification').map((item) => item.to)).toEqual(['education']);
    const undoLast = apply(planRemove(task, education!));
    expect(task.businessObject.extensionElements).toBeUndefined();
    expect(sectionOf(await xml(), 'alertHealthAndEwo')).not.toContain('extensionElements');
    expect(planRemove(task, education!)).toEqual([]);
    undoLast();
    undoFirst();
    expect(await xml()).toBe(before);
  });

  it('given a lane, when staff is upserted twice, then it has one mashflow:staff with the last values and the engine reads it', async () => {
    const lane = element('cso');
    apply(planUpsert(lane, 'mashflow:Staff', { count: '3', hours: 'office' }, create));
    apply(planUpsert(lane, 'mashflow:Staff', { count: '4', hours: 'Mon-Thu 08:30-17:00; Fri 08:30-16:30' }, create));
    const model = await parseModel(await xml(), 'derby.bpmn');
    expect(model.lanes.find((candidate) => candidate.id === 'cso')?.staff).toEqual({ count: '4', hours: 'Mon-Thu 08:30-17:00; Fri 08:30-16:30' });
  });

  it('given plans of 0, 1 and 2 commands, when run, then nothing, the bpmn-js command itself, or one multi-command step is executed', () => {
    const executed: { command: string; context: unknown }[] = [];
    const stack = { execute: (command: string, context: unknown) => void executed.push({ command, context }) };
    const bare = element('emailManagerOnTheDay');
    runCommands(stack, []);
    expect(executed).toEqual([]);
    const one = planAdd(element('recordAlertWithin24h'), 'mashflow:Outcome', { word: 'nfa' }, create);
    runCommands(stack, one);
    expect(executed).toEqual([{ command: 'element.updateModdleProperties', context: one[0]!.context }]);
    const two = planAdd(bare, 'mashflow:Outcome', { word: 'nfa' }, create);
    runCommands(stack, two);
    expect(executed[1]).toEqual({ command: 'properties-panel.multi-command-executor', context: two });
  });
});
