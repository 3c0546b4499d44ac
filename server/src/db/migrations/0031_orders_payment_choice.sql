-- commerce: how the shopper said they will pay, from a tap under the order confirmation
-- ("Pay at store" or "Payment link"), so the Orders screen shows it; null until they tap one.
alter table orders add column payment_choice text check (payment_choice in ('pay_at_store', 'payment_link'));
-- ISO-8601 UTC with Z: when they chose
alter table orders add column payment_choice_at text;
