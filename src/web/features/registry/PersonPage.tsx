// /registri/:id: one person — pseudonymous header, status flags (restricted,
// erased, consent missing), the masked identity with reveal, consent records and
// the person's data-subject requests.
import { Alert, Anchor, Breadcrumbs, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconLockAccess, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Fact } from '../../components/Fact.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../common/format.ts';
import type { Person } from '../../../common/persons.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { MergedNotice } from '../duplicates/duplicate-parts.tsx';
import { RegionName } from '../sites/site-parts.tsx';
import { ConsentsSection } from './ConsentsSection.tsx';
import { EditPersonModal } from './EditPersonModal.tsx';
import { IdentityPanel } from './IdentityPanel.tsx';
import { AidHistoryPanel } from '../aid/AidHistoryPanel.tsx';
import { BankAccountsPanel } from '../aid/BankAccountsPanel.tsx';
import { useCaseWorkers, useLiftRestriction, usePerson, useSubjectRequests } from './registry.api.ts';
import { DueBadge, NewRequestModal, RequestActions, RequestFacts, RequestStatusBadge } from './subject-request-parts.tsx';

export function PersonPage() {
  const { t } = useTranslation('registry');
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const person = usePerson(valid ? id : 0);
  usePageTitle(person.data?.caseCode ?? t('list.title'));

  if (!valid) return <NotFoundPage />;
  if (person.error)
    return (
      <ErrorState title={t('detail.loadFailed')} error={person.error} onRetry={() => void person.refetch()}>
        <Anchor component={Link} to="/registri" size="sm">
          {t('detail.backToList')}
        </Anchor>
      </ErrorState>
    );
  if (!person.data) return <PageLoader />;
  return <PersonView person={person.data} />;
}

/** The assigned case worker by name where the caller can list them; "you" for the case worker. */
function CaseWorkerName({ person }: { person: Person }) {
  const { t } = useTranslation('registry');
  const session = useSession();
  const workers = useCaseWorkers(person.regencyCode, person.assignedUserId !== null && can(session, 'person.manage'));
  if (person.assignedUserId === null) return <>{t('detail.unassigned')}</>;
  if (person.assignedUserId === session.me?.user.id) return <>{t('detail.you')}</>;
  return <>{workers.data?.items.find((u) => u.id === person.assignedUserId)?.displayName ?? t('detail.assigned', { id: person.assignedUserId })}</>;
}

function PersonView({ person }: { person: Person }) {
  const { t } = useTranslation('registry');
  const language = useDisplayLanguage();
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const [lifting, setLifting] = useState(false);

  return (
    <Stack gap="md">
      <Breadcrumbs aria-label={t('detail.breadcrumbs')}>
        <Anchor component={Link} to="/registri" size="sm">
          {t('list.title')}
        </Anchor>
        <Text size="sm" ff="monospace">
          {person.caseCode}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1} ff="monospace">
            {person.caseCode}
          </Title>
          {person.alias && <Text c="dimmed">{person.alias}</Text>}
        </div>
        {can(session, 'person.manage') && !person.erased && (
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
            {t('detail.edit')}
          </Button>
        )}
      </Group>

      <MergedNotice mergedIntoId={person.mergedIntoId} />
      {person.processingRestricted && (
        <Alert color="orange" variant="light" icon={<IconLockAccess aria-hidden />} title={t('detail.restrictedTitle')}>
          <Text size="sm">{t('detail.restricted')}</Text>
          {can(session, 'subject_request.manage') && (
            <Button mt="xs" size="xs" variant="white" color="orange" onClick={() => setLifting(true)}>
              {t('detail.liftRestriction')}
            </Button>
          )}
        </Alert>
      )}
      {person.consentMissing && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('detail.consentMissingTitle')}>
          {t('detail.consentMissing')}
        </Alert>
      )}

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
          <Fact label={t('detail.regency')}>{person.regencyName ?? <RegionName code={person.regencyCode} />}</Fact>
          <Fact label={t('detail.site')}>
            {person.siteId ? (
              <Anchor component={Link} to={`/lokasi/${person.siteId}`} size="sm" ff="monospace">
                {person.siteCode}
              </Anchor>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label={t('detail.sex')}>{t(`sex.${person.sex}`)}</Fact>
          <Fact label={t('detail.lawfulBasis')}>{t(`basis.${person.lawfulBasis}`)}</Fact>
          <Fact label={t('detail.caseWorker')}>
            <CaseWorkerName person={person} />
          </Fact>
          <Fact label={t('detail.registeredAt')}>{formatDateTime(person.createdAt, language)}</Fact>
          <Fact label={t('detail.updatedAt')}>{formatDateTime(person.updatedAt, language)}</Fact>
        </SimpleGrid>
      </Paper>

      <IdentityPanel person={person} />
      <ConsentsSection person={person} />
      <BankAccountsPanel personId={person.id} />
      {can(session, 'payment.read') && <AidHistoryPanel personId={person.id} />}
      {can(session, 'subject_request.read') && <PersonRequests person={person} />}

      <EditPersonModal person={person} opened={editing} onClose={() => setEditing(false)} />
      <Modal opened={lifting} onClose={() => setLifting(false)} title={t('detail.liftRestriction')}>
        {lifting && <LiftForm personId={person.id} onDone={() => setLifting(false)} />}
      </Modal>
    </Stack>
  );
}

function LiftForm({ personId, onDone }: { personId: number; onDone: () => void }) {
  const { t } = useTranslation('registry');
  const lift = useLiftRestriction(personId);
  const [reason, setReason] = useState('');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        lift.mutate(reason.trim(), { onSuccess: onDone });
      }}
    >
      <Stack>
        <FormError error={lift.error} shownFields={['reason']} />
        <Textarea label={t('detail.liftReason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldErrors(lift.error).reason} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={lift.isPending}>
            {t('detail.liftRestriction')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PersonRequests({ person }: { person: Person }) {
  const { t } = useTranslation('registry');
  const language = useDisplayLanguage();
  const session = useSession();
  const requests = useSubjectRequests({ personId: person.id, limit: 100, offset: 0 });
  const [registering, setRegistering] = useState(false);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('requests.personTitle')}
        </Title>
        {can(session, 'subject_request.manage') && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setRegistering(true)}>
            {t('requests.register')}
          </Button>
        )}
      </Group>
      {requests.error ? (
        <ErrorState title={t('requests.loadFailed')} error={requests.error} onRetry={() => void requests.refetch()} />
      ) : !requests.data ? (
        <PageLoader />
      ) : requests.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('requests.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760} type="native">
          <Table verticalSpacing="sm">
            <Table.Caption>{t('requests.personTitle')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('requests.kind')}</Table.Th>
                <Table.Th scope="col">{t('requests.receivedAt')}</Table.Th>
                <Table.Th scope="col">{t('requests.dueAt')}</Table.Th>
                <Table.Th scope="col">{t('requests.status')}</Table.Th>
                <Table.Th scope="col" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td fz="sm">
                    #{r.id} {t(`requests.kinds.${r.kind}`)}
                    <Text size="xs" c="dimmed">
                      {t(`requests.channels.${r.channel}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td fz="sm">{formatDateTime(r.receivedAt, language)}</Table.Td>
                  <Table.Td>
                    <DueBadge request={r} />
                  </Table.Td>
                  <Table.Td>
                    <RequestStatusBadge status={r.status} />
                    <RequestFacts request={r} />
                  </Table.Td>
                  <Table.Td>
                    <RequestActions request={r} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <NewRequestModal personId={person.id} caseCode={person.caseCode} opened={registering} onClose={() => setRegistering(false)} />
    </Paper>
  );
}
