/** Test data for the discount cap's property tests. */

/** What a confused or hostile model might pass as the percent. */
export const HOSTILE: unknown[] = [
  12, '12%', 'free', -5, Number.NaN, '100', 100, Infinity, -Infinity, 'NaN', '1e9', 1e308, -1e308, 'abc', null, undefined, {}, [], [12], true, false,
  '-5%', '10.0001', 10.0001, '9.99', 0, '0', '  20 %  ', 'twenty', '₹5000', '5000', '50%', 51, '12.75%', 'give it free', 'muft', '0.0001', 0.0001,
  'make it 20%', 'best price', '99999999999999999999', Number.MAX_VALUE, Number.MIN_VALUE, -0, '10%%', '5 percent', '%', '.5', '7.5', 7.5, 'DROP TABLE coupons',
];

