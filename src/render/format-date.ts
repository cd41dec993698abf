// Each function from its own module: the package's index loads all of date-fns (~0.1 s per thread at start-up, ~0.4 s under load).
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';

/** Labels already made: a site has a few thousand distinct dates, shown on many pages each. */
const labels = new Map<string, string>();

/**
 * "2024-07-09" → "9 July 2024" (date-fns, English month names); anything else, or an impossible date, is
 * returned as it is. The day is read and written in local time, so the label does not depend on the time zone.
 */
export function formatDate(date: string): string {
  let label = labels.get(date);
  if (label === undefined) {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? parseISO(date) : null;
    label = day && isValid(day) ? format(day, 'd MMMM yyyy') : date;
    labels.set(date, label);
  }
  return label;
}
