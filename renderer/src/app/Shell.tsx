import { AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { PageNotFound } from './PageNotFound';
import { isInSection, navigation, screens } from './routes';

export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm">
          <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
          <Title order={2} fz="h3" c="gold.8">
            Revive
          </Title>
          <Text c="dimmed" size="sm" visibleFrom="sm">
            Your store's assistant on WhatsApp
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {navigation.map((entry) => (
          <NavLink
            key={entry.to}
            component={Link}
            to={entry.to}
            label={entry.label}
            leftSection={entry.icon}
            active={isInSection(pathname, entry.section)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Routes>
          {screens.map(({ path, page: Page }) => (
            <Route key={path} path={path} element={<Page />} />
          ))}
          <Route path="/settings" element={<Navigate to="/settings/store" replace />} />
          <Route path="*" element={<PageNotFound />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}
