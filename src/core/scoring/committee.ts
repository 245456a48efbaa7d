/** The buying committee (scoring.md §5): engaged stakeholders in the window, senior ones, and MQA. */
import type { Config } from '../config.js';
import { dayNumber, withinWindow } from '../dates.js';
import type { Account, Member } from '../kinds/account.js';

export interface Committee {
  engaged: number;
  senior: number;
  mqa: boolean;
}

export function committeeOf(account: Account, config: Config, asOfDay: number): Committee {
  const { minEngaged, minSenior, seniorLevels } = config.mqa;
  let engaged = 0;
  let senior = 0;
  for (const member of account.buying_committee ?? []) {
    if (!isEngaged(member, config, asOfDay)) continue;
    engaged++;
    if (member.seniority && seniorLevels.includes(member.seniority)) senior++;
  }
  return { engaged, senior, mqa: engaged >= minEngaged && senior >= minSenior };
}

/** A member counts as engaged when their status says so and their last engagement is inside the MQA window. */
export function isEngaged(member: Member, config: Config, asOfDay: number): boolean {
  if (member.status !== 'engaged') return false;
  if (member.last_engaged === undefined) return true;
  const day = dayNumber(member.last_engaged);
  return day !== undefined && withinWindow(day, asOfDay, config.mqa.windowDays);
}
