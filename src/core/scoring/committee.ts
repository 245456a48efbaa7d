/** The buying committee (scoring.md §5): engaged stakeholders in the window, senior ones, and MQA. */
import type { Config } from '../config.js';
import { dayNumber, withinWindow } from '../dates.js';
import type { Account } from '../kinds/account.js';

export interface Committee {
  engaged: number;
  senior: number;
  mqa: boolean;
}

export function committeeOf(account: Account, config: Config, asOfDay: number): Committee {
  const { windowDays, minEngaged, minSenior, seniorLevels } = config.mqa;
  let engaged = 0;
  let senior = 0;
  for (const member of account.buying_committee ?? []) {
    if (member.status !== 'engaged') continue;
    if (member.last_engaged !== undefined) {
      const day = dayNumber(member.last_engaged);
      if (day === undefined || !withinWindow(day, asOfDay, windowDays)) continue;
    }
    engaged++;
    if (member.seniority && seniorLevels.includes(member.seniority)) senior++;
  }
  return { engaged, senior, mqa: engaged >= minEngaged && senior >= minSenior };
}
