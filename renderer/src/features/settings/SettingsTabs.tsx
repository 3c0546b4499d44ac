import { Tabs } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';

/** The sections of Settings, each its own route; the tabs sit at the top of every settings page. */
export const settingsSections = [
  { path: '/settings/store', label: 'Store profile' },
  { path: '/settings/whatsapp', label: 'WhatsApp' },
  { path: '/settings/templates', label: 'Templates' },
] as const;

export function SettingsTabs() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <Tabs value={pathname} onChange={(path) => (path ? void navigate(path) : undefined)} mb="lg">
      <Tabs.List aria-label="Settings sections">
        {settingsSections.map((section) => (
          <Tabs.Tab key={section.path} value={section.path}>
            {section.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
