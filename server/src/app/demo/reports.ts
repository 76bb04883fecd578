/** The demo's report schedule: the platform's day, with its latest report made at once (the Reports page has one to show). */
import type { Services } from '../services.js';
import type { ReportScheduleInput } from '../../domain/reports/schedules.js';

export const DEMO_REPORT_SCHEDULE: ReportScheduleInput = { name: 'Platform daily', cadence: 'DAILY', hourUtc: 6 };

/** Creates the schedule unless the tenant has one of that name (seeding again adds none), and makes its latest report. */
export async function seedReports(services: Services, tenant: string): Promise<void> {
  const actor = { tenant, role: 'admin' as const, name: 'demo' };
  const have = (await services.reports.schedules(tenant)).find((s) => s.name === DEMO_REPORT_SCHEDULE.name);
  const schedule = have ?? await services.reports.createSchedule(actor, DEMO_REPORT_SCHEDULE);
  await services.reports.runNow(actor, schedule.id);
}
