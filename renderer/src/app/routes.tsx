import { IconDiamond, IconHome, IconLayoutKanban, IconSettings, IconUserStar } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { AgentStudioPage } from '../features/agents/AgentStudioPage';
import { IconAddressBook } from '@tabler/icons-react';
import { AudienceRoute } from '../features/audience/AudienceRoute';
import { IconTerminal2, IconUsersGroup } from '@tabler/icons-react';
import { FleetPage } from '../features/fleet/FleetPage';
import { HomePage } from '../features/home/HomePage';
import { PipelinePage } from '../features/pipeline/PipelinePage';
import { MatrixPage } from '../features/matrix/MatrixPage';
import { KnowledgePage } from '../features/knowledge/KnowledgePage';
import { ProductsRoute } from '../features/products/ProductsRoute';
import { StoreProfilePage } from '../features/settings/StoreProfilePage';
import { WhatsAppSettingsPage } from '../features/whatsapp-settings/WhatsAppSettingsPage';

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
  { path: '/products', page: ProductsRoute },
  { path: '/agents', page: AgentStudioPage },
  { path: '/agents/knowledge', page: KnowledgePage },
  { path: '/agents/:id', page: AgentStudioPage },
  { path: '/audience', page: AudienceRoute },
  { path: '/pipeline', page: PipelinePage },
  { path: '/fleet', page: FleetPage },
  { path: '/matrix', page: MatrixPage },
  { path: '/settings/store', page: StoreProfilePage },
  { path: '/settings/whatsapp', page: WhatsAppSettingsPage },
];

/** Only screens that work are listed. Settings opens on its first section, the store profile. */
export const navigation: NavEntry[] = [
  { label: 'Home', to: '/', section: '/', icon: <IconHome size={18} /> },
  { label: 'Products', to: '/products', section: '/products', icon: <IconDiamond size={18} /> },
  { label: 'Agents', to: '/agents', section: '/agents', icon: <IconUserStar size={18} /> },
  { label: 'Fleet', to: '/fleet', section: '/fleet', icon: <IconUsersGroup size={18} /> },
  { label: 'Matrix', to: '/matrix', section: '/matrix', icon: <IconTerminal2 size={18} /> },
  { label: 'Audience', to: '/audience', section: '/audience', icon: <IconAddressBook size={18} /> },
  { label: 'Pipeline', to: '/pipeline', section: '/pipeline', icon: <IconLayoutKanban size={18} /> },
  { label: 'Settings', to: '/settings/store', section: '/settings', icon: <IconSettings size={18} /> },
];

export function isInSection(pathname: string, section: string): boolean {
  return section === '/' ? pathname === '/' : pathname === section || pathname.startsWith(`${section}/`);
}
