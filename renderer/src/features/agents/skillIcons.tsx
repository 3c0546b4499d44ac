import {
  IconBook,
  IconBuildingStore,
  IconCalendarEvent,
  IconCoin,
  IconFileText,
  IconGift,
  IconHeadset,
  IconPhoto,
  IconPuzzle,
  IconSearch,
  IconShoppingCart,
  IconTruckDelivery,
  IconUserHeart,
  type Icon,
} from '@tabler/icons-react';

/** Skills name a Tabler icon ("search", "photo"); the few the Store uses are mapped, anything else gets a puzzle piece. */
const ICONS: Record<string, Icon> = {
  search: IconSearch,
  book: IconBook,
  photo: IconPhoto,
  'building-store': IconBuildingStore,
  store: IconBuildingStore,
  calendar: IconCalendarEvent,
  'calendar-event': IconCalendarEvent,
  coin: IconCoin,
  coins: IconCoin,
  'file-text': IconFileText,
  gift: IconGift,
  headset: IconHeadset,
  'shopping-cart': IconShoppingCart,
  'truck-delivery': IconTruckDelivery,
  'user-heart': IconUserHeart,
};

export function SkillIcon({ name, size = 20 }: { name: string; size?: number }) {
  const Component = ICONS[name] ?? IconPuzzle;
  return <Component size={size} aria-hidden />;
}
