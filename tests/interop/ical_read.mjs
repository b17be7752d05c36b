// Read an iCalendar file with Mozilla's ical.js (npm), an implementation other than the Python
// `icalendar` package that writes Jobnet's files. Usage: node ical_read.mjs <file.ics>; prints
// each VEVENT as JSON, its times converted to UTC by the VTIMEZONE the file itself carries.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const calendar = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
}
const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    summary: event.summary,
    location: event.location,
    status: vevent.getFirstPropertyValue("status"),
    sequence: event.sequence,
    tzid: vevent.getFirstProperty("dtstart").getParameter("tzid"),
    start_utc: event.startDate.toJSDate().toISOString(),
    end_utc: event.endDate.toJSDate().toISOString(),
  };
});
console.log(JSON.stringify({ method: calendar.getFirstPropertyValue("method"), events }));
