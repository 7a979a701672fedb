import descriptor from './mashflow.json' with { type: 'json' };

/** The moddle descriptor of mashflow's extension elements (outcome, notification, deadline, meeting). */
export const mashflowDescriptor = descriptor;

export const mashflowNamespace = descriptor.uri;
