import { Alert, Badge, Button, Checkbox, Group, Modal, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { ApiResponse } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { formatCount } from '../products/money';
import { hashTag, parseTags } from './contactFormat';

type TagInfo = ApiResponse<'listTags'>['tags'][number];

/** Every tag with how many contacts have it (and how many by auto-tagging): rename, merge, ban. */
export function TagsManager({ onClose, onChanged }: { onClose: () => void; onChanged: () => void }) {
  const client = useApiClient();
  const tags = useApi('listTags');
  const [checked, setChecked] = useState<string[]>([]);
  const [renaming, setRenaming] = useState<{ from: string; to: string } | null>(null);
  const [mergeTo, setMergeTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (what: string, run: () => Promise<{ tags: TagInfo[] }>) => {
    setBusy(true);
    setError(null);
    try {
      tags.setData(await run());
      notifications.show({ color: 'teal', title: 'Tags changed', message: what });
      onChanged();
      return true;
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Something went wrong.');
      return false;
    } finally {
      setBusy(false);
    }
  };

  const oneTag = (raw: string): string | null => {
    const parsed = parseTags(raw);
    if (!parsed.ok) return setError(parsed.message), null;
    if (parsed.tags.length !== 1) return setError('Type one tag'), null;
    return parsed.tags[0] ?? null;
  };

  const rename = async () => {
    if (!renaming) return;
    const to = oneTag(renaming.to);
    if (!to) return;
    if (await act(`${hashTag(renaming.from)} is now ${hashTag(to)}`, () => client.call('renameTag', { body: { from: renaming.from, to } }))) setRenaming(null);
  };
  const merge = async () => {
    const to = oneTag(mergeTo);
    if (!to) return;
    if (await act(`${checked.map(hashTag).join(', ')} merged into ${hashTag(to)}`, () => client.call('mergeTags', { body: { from: checked, to } }))) {
      setChecked([]);
      setMergeTo('');
    }
  };
  const ban = (t: TagInfo) =>
    void act(t.banned ? `${hashTag(t.tag)} can be given again` : `${hashTag(t.tag)} is banned: auto-tagging will not give it`, () => client.call('banTag', { body: { tag: t.tag, banned: !t.banned } }));

  const list = tags.data?.tags ?? [];
  return (
    <Modal opened onClose={onClose} size="760px" title="Tags">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Tags come from you, from imports, and from auto-tagging after each conversation. A banned tag is removed from every contact and never given automatically again.
        </Text>
        {tags.error ? <Alert color="red" variant="light">{tags.error instanceof Error ? tags.error.message : 'Could not load the tags'}</Alert> : null}
        {tags.data && list.length === 0 ? <Text c="dimmed">No tags yet. Tag contacts in the grid, or let auto-tagging add them after conversations.</Text> : null}
        {list.length > 0 ? (
          <ScrollArea.Autosize mah={380} type="auto">
            <Table aria-label="Tags" verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40} />
                  <Table.Th>Tag</Table.Th>
                  <Table.Th ta="right">Contacts</Table.Th>
                  <Table.Th ta="right">Auto</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((t) => (
                  <Table.Tr key={t.tag} data-tag-row={t.tag}>
                    <Table.Td>
                      <Checkbox aria-label={`Select ${hashTag(t.tag)}`} checked={checked.includes(t.tag)} onChange={(e) => {
                          const on = e.currentTarget.checked;
                          setChecked((c) => (on ? [...c, t.tag] : c.filter((x) => x !== t.tag)));
                        }} />
                    </Table.Td>
                    <Table.Td>
                      {renaming?.from === t.tag ? (
                        <Group gap="xs" wrap="nowrap">
                          <TextInput size="xs" aria-label={`New name for ${hashTag(t.tag)}`} value={renaming.to} onChange={(e) => setRenaming({ from: t.tag, to: e.currentTarget.value })} />
                          <Button size="xs" loading={busy} onClick={() => void rename()}>
                            Save
                          </Button>
                          <Button size="xs" variant="default" onClick={() => setRenaming(null)}>
                            Cancel
                          </Button>
                        </Group>
                      ) : (
                        <Group gap="xs">
                          <Badge variant="light" color={t.banned ? 'gray' : 'gold'} tt="none" td={t.banned ? 'line-through' : undefined}>
                            {hashTag(t.tag)}
                          </Badge>
                          {t.banned ? <Text size="xs" c="dimmed">banned</Text> : null}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{formatCount(t.count)}</Table.Td>
                    <Table.Td ta="right">{formatCount(t.auto)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" aria-label={`Rename ${hashTag(t.tag)}`} onClick={() => setRenaming({ from: t.tag, to: t.tag })}>
                          Rename
                        </Button>
                        <Button size="compact-xs" variant="subtle" color={t.banned ? 'teal' : 'red'} aria-label={`${t.banned ? 'Unban' : 'Ban'} ${hashTag(t.tag)}`} onClick={() => ban(t)}>
                          {t.banned ? 'Unban' : 'Ban'}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        ) : null}
        {checked.length > 0 ? (
          <Group gap="xs" align="flex-end">
            <TextInput label={`Merge ${checked.length} ${checked.length === 1 ? 'tag' : 'tags'} into`} placeholder="#BridalShopper" value={mergeTo} onChange={(e) => setMergeTo(e.currentTarget.value)} />
            <Button loading={busy} onClick={() => void merge()}>
              Merge
            </Button>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">Tick several tags to merge them into one.</Text>
        )}
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </Modal>
  );
}
