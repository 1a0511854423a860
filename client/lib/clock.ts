/**
 * The client's "today": the agencies' date (China Standard Time), the same clock the server judges
 * dates with, so a date input's max and the printed date do not lag a day between 00:00 and 08:00
 * in Beijing the way the browser's UTC date (toISOString) does.
 */
import { chinaClock } from '../../shared/clock';

export const clock = chinaClock;

export const todayIso = () => clock.today();
