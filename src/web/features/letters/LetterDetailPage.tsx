// /surat/:id: one letter with every field, its recipients, and the actions the server allows.
import { Alert, Anchor, Badge, Button, Grid, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconFileTypePdf, IconPencil, IconSend } from '@tabler/icons-react';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { formatDateLong, formatDateTime, formatNumber } from '../../../common/format.ts';
import type { Letter } from '../../../common/letters.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { useRegionList } from '../regions/regions.api.ts';
import { letterPdfUrl, useLetter, useLetterChange, useLetterPdf, useProgrammeOptions, useSiteOptions } from './letters.api.ts';
import { RecipientsSection } from './RecipientsSection.tsx';

export function LetterDetailPage() {
  const { t } = useTranslation('letters');
  const id = Number(useParams().id);
  const letter = useLetter(id);
  usePageTitle(letter.data ? (letter.data.number ?? letter.data.subject) : t('detail.title'));
  if (letter.error) return <ErrorState title={t('detail.loadFailed')} error={letter.error} onRetry={() => void letter.refetch()} />;
  if (!letter.data) return <PageLoader />;
  return <LetterDetail letter={letter.data} />;
}

function LetterDetail({ letter }: { letter: Letter }) {
  const { t } = useTranslation('letters');
  const location = useLocation();
  const change = useLetterChange(letter.id);
  const pdf = useLetterPdf();
  const [confirming, setConfirming] = useState(false);
  const [justIssued, setJustIssued] = useState(false);
  const recipientsFailed = (location.state as { recipientsFailed?: boolean } | null)?.recipientsFailed === true;

  const issue = () =>
    change.issue.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        setJustIssued(true);
      },
    });

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/surat" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('register.title')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: 1, minWidth: 260 }}>
          <Group gap="xs">
            <Badge color={letter.status === 'issued' ? 'teal' : 'gray'} variant="light" radius="sm">
              {t(`status.${letter.status}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t(`types.${letter.type}`)}
            </Text>
            {letter.overdue && (
              <Badge color="red" variant="light" radius="sm" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                {t('overdue')}
              </Badge>
            )}
          </Group>
          <Title order={1}>{letter.subject}</Title>
        </Stack>
        <Group gap="sm">
          {letter.actions.includes('update') && (
            <Button component={Link} to={`/surat/${letter.id}/ubah`} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>
              {t('detail.edit')}
            </Button>
          )}
          {letter.actions.includes('pdf') && (
            <Button
              component="a"
              href={letterPdfUrl(letter.id)}
              variant="default"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
              loading={pdf.isPending}
              onClick={(event: MouseEvent) => {
                event.preventDefault();
                pdf.mutate(letter.id);
              }}
            >
              {t('detail.pdf')}
            </Button>
          )}
          {letter.actions.includes('issue') && (
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              onClick={() => {
                change.issue.reset();
                setConfirming(true);
              }}
            >
              {t('detail.issue')}
            </Button>
          )}
        </Group>
      </Group>
      <FormError error={pdf.error} />
      {recipientsFailed && (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />}>
          {t('detail.recipientsFailed')}
        </Alert>
      )}

      <NumberBlock letter={letter} justIssued={justIssued} />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" h="100%">
            <Title order={2} size="h4" mb="sm">
              {t('fields.body')}
            </Title>
            {letter.body.trim() ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {letter.body}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('detail.noBody')}
              </Text>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <LetterFields letter={letter} />
        </Grid.Col>
      </Grid>

      <RecipientsSection letter={letter} />

      <ConfirmDialog
        opened={confirming}
        title={t('issue.title')}
        message={
          <>
            {t('issue.message', { unit: letter.unit.code })}
            {letter.recipientCount === 0 && (
              <Text span c="orange.8" fw={500} display="block" mt="xs">
                {t('issue.noRecipients')}
              </Text>
            )}
          </>
        }
        confirmLabel={t('detail.issue')}
        loading={change.issue.isPending}
        error={change.issue.error}
        onConfirm={issue}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}

function NumberBlock({ letter, justIssued }: { letter: Letter; justIssued: boolean }) {
  const { t } = useTranslation('letters');
  const language = useDisplayLanguage();
  if (letter.number === null) {
    return (
      <Alert color="gray" variant="light" title={t('detail.draftTitle')}>
        {t('detail.draftHelp')}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md" bg={justIssued ? 'teal.0' : undefined} role={justIssued ? 'status' : undefined}>
      <Group gap="sm" wrap="nowrap" align="center">
        {justIssued && <IconCircleCheck size={28} color="var(--mantine-color-teal-7)" aria-hidden />}
        <div>
          <Text size="sm" c="dimmed">
            {justIssued ? t('detail.issuedJustNow') : t('fields.number')}
          </Text>
          <Text fz={26} fw={700} ff="monospace" data-testid="letter-number">
            {letter.number}
          </Text>
          {letter.issuedAt && (
            <Text size="xs" c="dimmed">
              {t('detail.issuedAt', { at: formatDateTime(letter.issuedAt, language) })}
            </Text>
          )}
        </div>
      </Group>
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function LetterFields({ letter }: { letter: Letter }) {
  const { t } = useTranslation('letters');
  const language = useDisplayLanguage();
  const session = useSession();
  const programmes = useProgrammeOptions(letter.programmeId !== null && can(session, 'program.read'));
  const sites = useSiteOptions(letter.siteIds.length > 0 && can(session, 'site.read'));
  const province = letter.unit.regionCode.slice(0, 2);
  const regencies = useRegionList({ parent: province, limit: 1000, offset: 0 }, { enabled: letter.regionCodes.length > 0 });
  const regionName = (code: string) => regencies.data?.items.find((r) => r.code === code)?.name ?? code;
  const programme = programmes.data?.items.find((p) => p.id === letter.programmeId);
  const siteName = (id: number) => {
    const site = sites.data?.items.find((s) => s.id === id);
    return site ? `${site.code} — ${site.name}` : `#${id}`;
  };
  const dash = '–';
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('detail.fields')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
        <Field label={t('fields.unit')}>
          {letter.unit.code} — {letter.unit.name}
        </Field>
        <Field label={t('fields.letterDate')}>{formatDateLong(letter.letterDate, language)}</Field>
        <Field label={t('fields.type')}>{t(`types.${letter.type}`)}</Field>
        <Field label={t('fields.nature')}>{t(`natures.${letter.nature}`)}</Field>
        <Field label={t('fields.classification')}>{letter.classification || dash}</Field>
        <Field label={t('fields.attachmentsCount')}>{letter.attachmentsCount > 0 ? t('detail.attachments', { count: letter.attachmentsCount, formatted: formatNumber(letter.attachmentsCount) }) : dash}</Field>
        <Field label={t('fields.signatoryName')}>{letter.signatoryName || dash}</Field>
        <Field label={t('fields.signatoryTitle')}>{letter.signatoryTitle || dash}</Field>
      </SimpleGrid>
      <Stack gap="sm" mt="sm">
        <Field label={t('fields.copiesTo')}>
          {letter.copiesTo.length === 0 ? (
            dash
          ) : (
            <List size="sm" type="ordered">
              {letter.copiesTo.map((copy, i) => (
                <List.Item key={i}>{copy}</List.Item>
              ))}
            </List>
          )}
        </Field>
        <Field label={t('fields.programme')}>{letter.programmeId === null ? dash : (programme?.name ?? `#${letter.programmeId}`)}</Field>
        <Field label={t('fields.regions')}>{letter.regionCodes.length === 0 ? dash : letter.regionCodes.map(regionName).join(', ')}</Field>
        <Field label={t('fields.sites')}>{letter.siteIds.length === 0 ? dash : letter.siteIds.map(siteName).join(', ')}</Field>
      </Stack>
    </Paper>
  );
}
