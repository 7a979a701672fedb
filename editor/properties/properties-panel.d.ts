// bpmn-js-properties-panel 5 and @bpmn-io/properties-panel 3 ship no types; this is the part the
// editor's properties panel uses. Components are preact function components (props in, vnode out).

declare module '@bpmn-io/properties-panel' {
  import type { ComponentChild } from '@bpmn-io/properties-panel/preact';

  type Component<Props> = (props: Props) => ComponentChild;

  interface EntryProps {
    element: unknown;
    id: string;
    label: string;
    description?: string;
    disabled?: boolean;
  }

  export interface TextFieldEntryProps extends EntryProps {
    getValue: (element: unknown) => string | undefined;
    /** `error` is what `validate` said about `value`; the panel calls this even when there is one. */
    setValue: (value: string | undefined, error: string | null) => void;
    validate?: (value: string | undefined) => string | null | undefined;
    debounce: (fn: (...args: never[]) => unknown) => (...args: never[]) => unknown;
    placeholder?: string;
  }

  export interface SelectOption {
    value: string;
    label: string;
    disabled?: boolean;
  }

  export interface SelectEntryProps extends EntryProps {
    getValue: (element: unknown) => string;
    setValue: (value: string, error: string | null) => void;
    getOptions: (element: unknown) => SelectOption[];
    validate?: (value: string) => string | null | undefined;
  }

  export interface CheckboxEntryProps extends EntryProps {
    getValue: (element: unknown) => boolean;
    setValue: (value: boolean) => void;
  }

  /** An entry as a group lists it: `component` is rendered with the entry's own fields and the element. */
  export interface EntryDefinition {
    id: string;
    component: Component<any>;
    isEdited?: (node: HTMLElement | null) => boolean;
    [extra: string]: unknown;
  }

  export interface GroupDefinition {
    id: string;
    label: string;
    component?: Component<any>;
    entries?: EntryDefinition[];
    shouldOpen?: boolean;
  }

  export const TextFieldEntry: Component<TextFieldEntryProps>;
  export const SelectEntry: Component<SelectEntryProps>;
  export const CheckboxEntry: Component<CheckboxEntryProps>;
  export const Group: Component<any>;
  export function isTextFieldEntryEdited(node: HTMLElement | null): boolean;
  export function isSelectEntryEdited(node: HTMLElement | null): boolean;
  export function isCheckboxEntryEdited(node: HTMLElement | null): boolean;
}

declare module 'bpmn-js-properties-panel' {
  /** A didi module definition, as bpmn-js's `additionalModules` takes it. */
  type ModuleDefinition = Record<string, unknown>;
  export const BpmnPropertiesPanelModule: ModuleDefinition;
  export const BpmnPropertiesProviderModule: ModuleDefinition;
  /** A bpmn-js service from inside a panel component (a preact hook). */
  export function useService<T = any>(name: string, strict?: boolean): T;
}
