// One person's verification: the rule results with their reasons, the e-KTP
// sighting, a new evaluation, the decision (confirm, or override with a reason) and
// the history. Pseudonymous: case code and alias only.
import { Alert, Badge, Button, Divider, Group, List, Modal, SegmentedControl, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { IconId, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../common/format.ts';
import { OVERRIDE_REASON_MIN, type Decision } from '../../../common/verval.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useDecide, useEvaluate, useRecordEktp, useVerification } from './verval.api.ts';
import { DecisionBadge, ProposedBadge, useReasonText } from './verval-parts.tsx';

export function VerificationModal({ programmeId, personId, onClose }: { programmeId: number; personId: number | null; onClose: () => void }) {
  const { t } = useTranslation('verval');
  const detail = useVerification(programmeId, personId);
  return (
    <Modal opened={personId !== null} onClose={onClose} size="lg" title={detail.data ? t('modal.title', { code: detail.data.caseCode }) : t('modal.loading')}>
      {personId === null ? null : detail.error ? (
        <ErrorState title={t('modal.loadFailed')} error={detail.error} />
      ) : !detail.data ? (
        <PageLoader />
      ) : (
        <Body key={`${detail.data.personId}-${detail.data.proposed}-${detail.data.decision}`} programmeId={programmeId} v={detail.data} />
      )}
    </Modal>
  );
}

type Detail = NonNullable<ReturnType<typeof useVerification>['data']>;

function Body({ programmeId, v }: { programmeId: number; v: Detail }) {
  const { t } = useTranslation('verval');
  const language = useDisplayLanguage();
  const reasonText = useReasonText();
  const ektp = useRecordEktp(programmeId);
  const evaluate = useEvaluate(programmeId);

  return (
    <Stack gap="md">
      <Group gap="lg">
        <div>
          <Text size="xs" c="dimmed">
            {t('person.alias')}
          </Text>
          <Text>{v.alias ?? '—'}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('review.proposed')}
          </Text>
          <ProposedBadge proposed={v.proposed} />
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('review.decision')}
          </Text>
          <DecisionBadge decision={v.decision} overridden={v.overridden} />
        </div>
      </Group>
      {v.decision && v.decisionReason && (
        <Text size="sm">
          {t('modal.decisionReason')}: {v.decisionReason}
        </Text>
      )}

      <section aria-labelledby="modal-rules">
        <Title order={3} size="h5" id="modal-rules" mb={4}>
          {v.ruleSetVersion ? t('modal.rulesTitle', { version: v.ruleSetVersion }) : t('modal.notEvaluated')}
        </Title>
        {v.results.length > 0 && (
          <List spacing={4} size="sm">
            {v.results.map((r) => (
              <List.Item key={r.code}>
                <Badge color={r.outcome === 'pass' ? 'teal' : r.outcome === 'fail' ? 'red' : 'gray'} variant="light" radius="sm" mr={6}>
                  {t(`outcome.${r.outcome}`)}
                </Badge>
                {t(`rules.${r.code}.short`)}: {reasonText(r)}
                {r.group && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({t('modal.group', { group: r.group })})
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </section>

      {v.actions.includes('record_ektp') && (
        <Group gap="xs" wrap="wrap">
          <Text size="sm">
            <IconId size={16} aria-hidden style={{ verticalAlign: 'middle' }} /> {t('modal.ektpQuestion')}
          </Text>
          <Button size="xs" variant={v.ektpSeen === true ? 'filled' : 'default'} loading={ektp.isPending && ektp.variables.seen} onClick={() => ektp.mutate({ personId: v.personId, seen: true })}>
            {t('ektp.seen')}
          </Button>
          <Button size="xs" variant={v.ektpSeen === false ? 'filled' : 'default'} color="red" loading={ektp.isPending && !ektp.variables.seen} onClick={() => ektp.mutate({ personId: v.personId, seen: false })}>
            {t('ektp.notSeen')}
          </Button>
          <Button size="xs" variant="light" leftSection={<IconPlayerPlay size={14} aria-hidden />} loading={evaluate.isPending} onClick={() => evaluate.mutate(v.personId)}>
            {t('modal.evaluate')}
          </Button>
        </Group>
      )}
      <FormError error={ektp.error ?? evaluate.error} />

      {v.actions.includes('decide') && v.proposed && <DecideForm programmeId={programmeId} v={v} />}

      {v.history.length > 0 && (
        <section aria-labelledby="modal-history">
          <Divider mb="sm" />
          <Title order={3} size="h5" id="modal-history" mb="xs">
            {t('modal.history')}
          </Title>
          <Timeline bulletSize={12} lineWidth={2}>
            {v.history.map((e, i) => (
              <Timeline.Item key={i} title={t(`events.${e.kind}`)}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(e.at, language)} · {e.actor}
                </Text>
                {e.proposed && e.kind === 'evaluated' && (
                  <Text size="xs">
                    {t('review.proposed')}: {t(`proposed.${e.proposed}`)}
                  </Text>
                )}
                {e.decision && (
                  <Text size="xs">
                    {t('review.decision')}: {t(`decision.${e.decision}`)}
                  </Text>
                )}
                {e.ektpSeen !== null && <Text size="xs">{e.ektpSeen ? t('ektp.seen') : t('ektp.notSeen')}</Text>}
                {e.reason && <Text size="xs">“{e.reason}”</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </section>
      )}
    </Stack>
  );
}

function DecideForm({ programmeId, v }: { programmeId: number; v: Detail }) {
  const { t } = useTranslation('verval');
  const decide = useDecide(programmeId);
  const [decision, setDecision] = useState<Decision>(v.decision ?? (v.proposed === 'not_eligible' ? 'not_eligible' : 'eligible'));
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const override = decision !== v.proposed;
  const short = override && reason.trim().length < OVERRIDE_REASON_MIN;
  const server = fieldErrors(decide.error);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setChecked(true);
        if (short) return;
        decide.mutate({ personId: v.personId, body: { decision, reason: reason.trim() } });
      }}
    >
      <Stack gap="xs">
        <Divider />
        <Title order={3} size="h5">
          {t('modal.decideTitle')}
        </Title>
        <SegmentedControl
          value={decision}
          onChange={(value) => setDecision(value as Decision)}
          data={[
            { value: 'eligible', label: t('decision.eligible') },
            { value: 'not_eligible', label: t('decision.not_eligible') },
          ]}
        />
        {override && (
          <Alert color="grape" variant="light">
            {v.proposed === 'pending' ? t('modal.overridePending') : t('modal.overrideWarning')}
          </Alert>
        )}
        <Textarea
          label={override ? t('modal.reasonRequired', { min: OVERRIDE_REASON_MIN }) : t('modal.reasonOptional')}
          required={override}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={server.reason ?? (checked && short ? t('modal.reasonTooShort', { min: OVERRIDE_REASON_MIN }) : undefined)}
        />
        <FormError error={decide.error} shownFields={['reason']} />
        <Group justify="flex-end">
          <Button type="submit" loading={decide.isPending} color={override ? 'grape' : undefined}>
            {override ? t('modal.override') : t('modal.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
