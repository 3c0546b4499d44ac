import { WEEKDAYS, type StoreProfile } from '../../api/contracts';

/** Where a new store starts before anything has been saved. */
export function blankStoreProfile(): StoreProfile {
  return {
    name: '',
    tagline: '',
    phone: '+91',
    whatsappNumber: '',
    email: '',
    website: '',
    address: { line1: '', line2: '', city: '', state: '', pincode: '', country: 'India' },
    gstin: '',
    timeZone: 'Asia/Kolkata',
    currency: 'INR',
    hours: WEEKDAYS.map((day) => ({ day, closed: false, open: '10:00', close: '20:00' })),
  };
}
