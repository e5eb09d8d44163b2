/** Sent when a step runs under another debugger: the editor starts it as a child session. */
export const START_DEBUGGER_EVENT = 'pluginWorkbench/startDebugger';
