import { lazy, type ComponentType } from 'react';

/**
 * The directives screens, each loaded on demand (as App.tsx loads the others):
 * App.tsx imports these for its <Resource> lines.
 */
const page = <M,>(load: () => Promise<M>, name: keyof M) => lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
const directiveForms = () => import('./DirectiveForm');
const taskForms = () => import('../tasks/TaskForm');
const reportForms = () => import('../reports/ReportForm');
const reportShow = () => import('../reports/ReportShow');
const themes = () => import('../themes/themes');

export const DirectiveList = page(() => import('./DirectiveList'), 'DirectiveList');
export const DirectiveShow = page(() => import('./DirectiveShow'), 'DirectiveShow');
export const DirectiveEdit = page(directiveForms, 'DirectiveEdit');
export const DirectiveCreate = page(directiveForms, 'DirectiveCreate');
export const TaskList = page(() => import('../tasks/TaskList'), 'TaskList');
export const TaskShow = page(() => import('../tasks/TaskShow'), 'TaskShow');
export const TaskEdit = page(taskForms, 'TaskEdit');
export const TaskCreate = page(taskForms, 'TaskCreate');
export const ReportList = page(reportShow, 'ReportList');
export const ReportShow = page(reportShow, 'ReportShow');
export const ReportEdit = page(reportForms, 'ReportEdit');
export const ReportCreate = page(reportForms, 'ReportCreate');
export const ThemeList = page(themes, 'ThemeList');
export const ThemeShow = page(themes, 'ThemeShow');
export const ThemeEdit = page(themes, 'ThemeEdit');
export const ThemeCreate = page(themes, 'ThemeCreate');

export { default as DirectiveIcon } from '@mui/icons-material/Gavel';
export { default as TaskIcon } from '@mui/icons-material/TaskAlt';
export { default as ReportIcon } from '@mui/icons-material/Summarize';
export { default as ThemeIcon } from '@mui/icons-material/Flag';
