// Scaffolding shared by the CLI (`plugin-workbench new`) and the VS Code wizard; no VS Code here.
export {
  listTemplates,
  loadTemplate,
  locateTemplates,
  type Template,
  type TemplateDefinition,
  type TemplateOption,
} from './template';
export {
  choiceTable,
  conflicts,
  optionDefault,
  optionProblem,
  optionVariables,
  planScaffold,
  validateName,
  writeScaffold,
  ScaffoldError,
  MAX_NAME_LENGTH,
  type ScaffoldPlan,
  type ScaffoldRequest,
} from './writer';
export { nameVariables } from './render';
