import { IconDiamond, IconHome, IconLayoutKanban, IconSettings, IconUserStar } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { AgentStudioPage } from '../features/agents/AgentStudioPage';
import { IconAddressBook } from '@tabler/icons-react';
import { AudienceRoute } from '../features/audience/AudienceRoute';
import { IconTerminal2, IconUsersGroup } from '@tabler/icons-react';
import { FleetPage } from '../features/fleet/FleetPage';
import { HomePage } from '../features/home/HomePage';
import { InboxPage } from '../features/inbox/InboxPage';
import { InboxNavIcon } from '../features/inbox/InboxAlerts';
import { FeedbackPage } from '../features/feedback/FeedbackPage';
import { PipelinePage } from '../features/pipeline/PipelinePage';
import { AppointmentsPage } from '../features/appointments/AppointmentsPage';
import { IconCalendarEvent } from '@tabler/icons-react';
import { OrdersPage } from '../features/orders/OrdersPage';
import { IconShoppingBag } from '@tabler/icons-react';
import { OffersPage } from '../features/offers/OffersPage';
import { IconDiscount } from '@tabler/icons-react';
import { MatrixPage } from '../features/matrix/MatrixPage';
import { KnowledgePage } from '../features/knowledge/KnowledgePage';
import { TryOnPage } from '../features/tryon/TryOnPage';
import { ProductsRoute } from '../features/products/ProductsRoute';
import { RatesPage } from '../features/rates/RatesPage';
import { IconCoin } from '@tabler/icons-react';
import { StoreProfilePage } from '../features/settings/StoreProfilePage';
import { WhatsAppSettingsPage } from '../features/whatsapp-settings/WhatsAppSettingsPage';
import { TemplatesPage } from '../features/templates/TemplatesPage';

export interface ScreenRoute {
  path: string;
  page: ComponentType;
}

export interface NavEntry {
  label: string;
  to: string;
  /** The entry is highlighted on this path and everything under it. */
  section: string;
  icon: ReactNode;
}

export const screens: ScreenRoute[] = [
  { path: '/', page: HomePage },
  { path: '/inbox', page: InboxPage },
  { path: '/feedback', page: FeedbackPage },
  { path: '/products', page: ProductsRoute },
  { path: '/rates', page: RatesPage },
  { path: '/agents', page: AgentStudioPage },
  { path: '/agents/knowledge', page: KnowledgePage },
  { path: '/agents/try-on', page: TryOnPage },
  { path: '/agents/:id', page: AgentStudioPage },
  { path: '/audience', page: AudienceRoute },
  { path: '/pipeline', page: PipelinePage },
  { path: '/appointments', page: AppointmentsPage },
  { path: '/orders', page: OrdersPage },
  { path: '/offers', page: OffersPage },
  { path: '/fleet', page: FleetPage },
  { path: '/matrix', page: MatrixPage },
  { path: '/settings/store', page: StoreProfilePage },
  { path: '/settings/whatsapp', page: WhatsAppSettingsPage },
  { path: '/settings/templates', page: TemplatesPage },
];

/** Only screens that work are listed. Settings opens on its first section, the store profile. */
export const navigation: NavEntry[] = [
  { label: 'Home', to: '/', section: '/', icon: <IconHome size={18} /> },
  { label: 'Inbox', to: '/inbox', section: '/inbox', icon: <InboxNavIcon /> },
  { label: 'Products', to: '/products', section: '/products', icon: <IconDiamond size={18} /> },
  { label: 'Gold rate', to: '/rates', section: '/rates', icon: <IconCoin size={18} /> },
  { label: 'Agents', to: '/agents', section: '/agents', icon: <IconUserStar size={18} /> },
  { label: 'Fleet', to: '/fleet', section: '/fleet', icon: <IconUsersGroup size={18} /> },
  { label: 'Matrix', to: '/matrix', section: '/matrix', icon: <IconTerminal2 size={18} /> },
  { label: 'Audience', to: '/audience', section: '/audience', icon: <IconAddressBook size={18} /> },
  { label: 'Pipeline', to: '/pipeline', section: '/pipeline', icon: <IconLayoutKanban size={18} /> },
  { label: 'Appointments', to: '/appointments', section: '/appointments', icon: <IconCalendarEvent size={18} /> },
  { label: 'Orders', to: '/orders', section: '/orders', icon: <IconShoppingBag size={18} /> },
  { label: 'Offers', to: '/offers', section: '/offers', icon: <IconDiscount size={18} /> },
  { label: 'Settings', to: '/settings/store', section: '/settings', icon: <IconSettings size={18} /> },
];

export function isInSection(pathname: string, section: string): boolean {
  return section === '/' ? pathname === '/' : pathname === section || pathname.startsWith(`${section}/`);
}
