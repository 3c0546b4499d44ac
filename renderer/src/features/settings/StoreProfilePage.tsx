import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { ApiClientError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { SettingsTabs } from './SettingsTabs';
import { blankStoreProfile } from './blankProfile';
import { StoreProfileForm } from './StoreProfileForm';

export function StoreProfilePage() {
  const store = useApi('getStore');
  const notSetUp = store.error instanceof ApiClientError && store.error.status === 404;

  let body;
  if (store.data) {
    body = <StoreProfileForm profile={store.data} onSaved={store.setData} />;
  } else if (notSetUp) {
    body = (
      <>
        <Alert color="gold" variant="light" icon={<IconInfoCircle />} mb="lg" title="Let's set up your store">
          Fill in the details below and press Save. The assistant uses them to answer customers.
        </Alert>
        <StoreProfileForm profile={blankStoreProfile()} onSaved={store.setData} />
      </>
    );
  } else if (store.error) {
    body = <ErrorState error={store.error} onRetry={store.reload} title="The store profile could not be loaded" />;
  } else {
    body = <LoadingState label="Loading the store profile…" />;
  }

  return (
    <>
      <SettingsTabs />
      <PageHeader title="Store profile" description="Settings · Your store's name, contact details, address and opening hours, as customers see them." />
      {body}
    </>
  );
}
