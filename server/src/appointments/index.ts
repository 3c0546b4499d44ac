/** appointments — the store's calendar, visits and day-before reminders (issue #9, part 1). Other domains import only from here. */
export { createAppointments, type AppointmentsDeps, type Appointments } from './appointments.module.js';
export { createAppointmentsService, DEFAULT_HOURS, type AppointmentsService, type FreeSlotsQuery } from './appointments.service.js';
export { REMIND_FROM_HOUR } from './reminders.js';
export { dayLabel, timeLabel, whenLabel, localOf, zonedTime, addDays } from './slots.js';
