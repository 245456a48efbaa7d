/** `abx report --format json`: the report's data as it is, for dashboards and checks. */
import type { Renderer, ReportView } from '../views.js';

export const render: Renderer<ReportView> = (v) => `${JSON.stringify(v.report, null, 2)}\n`;
