/** `abx review --format json`: the agenda as data. */
import type { AgendaView, Renderer } from '../views.js';

export const render: Renderer<AgendaView> = (v) => `${JSON.stringify(v.agenda, null, 2)}\n`;
