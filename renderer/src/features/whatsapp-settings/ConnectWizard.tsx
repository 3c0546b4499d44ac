import { Stepper } from '@mantine/core';
import { useState } from 'react';
import type { WhatsAppConnectionStatus } from '../../api/contracts';
import { KeysStep } from './KeysStep';
import { NumberStep } from './NumberStep';
import { TestStep } from './TestStep';
import type { TunnelApi } from './useTunnel';
import { WebhookStep } from './WebhookStep';

/** Opens where setup stopped: the first step with something missing, or the test when all is set. */
export function firstOpenStep(status: WhatsAppConnectionStatus): number {
  if (status.missing.includes('phoneNumberId')) return 0;
  if (status.missing.includes('accessToken') || status.missing.includes('appSecret')) return 1;
  if (status.missing.includes('verifyToken')) return 2;
  return 3;
}

interface Props {
  status: WhatsAppConnectionStatus;
  tunnel: TunnelApi;
  timeZone: string;
  onStatus: (status: WhatsAppConnectionStatus) => void;
  /** Fetch the connection again (after secrets change, which the PUT answer cannot include). */
  reload: () => Promise<void>;
}

/** The connect wizard: number → keys → webhook → test. Every step can be opened directly. */
export function ConnectWizard({ status, tunnel, timeZone, onStatus, reload }: Props) {
  const [active, setActive] = useState(() => firstOpenStep(status));
  const back = () => setActive((s) => Math.max(0, s - 1));
  const next = () => setActive((s) => Math.min(3, s + 1));

  return (
    <Stepper active={active} onStepClick={setActive} size="sm">
      <Stepper.Step label="Number" description="Ids from Meta">
        <NumberStep
          status={status}
          onSaved={(saved) => {
            onStatus(saved);
            next();
          }}
        />
      </Stepper.Step>
      <Stepper.Step label="Keys" description="Token and app secret">
        <KeysStep
          status={status}
          onBack={back}
          onSaved={async () => {
            await reload();
            next();
          }}
        />
      </Stepper.Step>
      <Stepper.Step label="Webhook" description="Where Meta sends messages">
        <WebhookStep status={status} tunnel={tunnel} timeZone={timeZone} onRotated={() => void reload()} onBack={back} onNext={next} />
      </Stepper.Step>
      <Stepper.Step label="Test" description="Send a message">
        <TestStep mode={status.mode} onBack={back} />
      </Stepper.Step>
    </Stepper>
  );
}
