// /registri/impor: the import wizard — choose the site, download the template,
// upload, read the dry run (counts, the first rows' validity, the error report),
// commit with a progress bar, then go to the registry. /registri/impor/:id reopens
// an import at its current step. Recent imports are listed below.
import { Alert, Anchor, Badge, Button, FileInput, Group, Paper, Progress, Select, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { PersonImport } from '../../../common/imports.ts';
import { formatDateTime, formatNumber } from '../../../common/format.ts';
import { LAWFUL_BASES, type LawfulBasis } from '../../../common/persons.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useSiteOptions } from '../registry/registry.api.ts';
import { downloadErrors, downloadTemplate, isBusy, useCancelImport, useCommitImport, useImport, useImportList, useUploadImport } from './imports.api.ts';

const STATUS_COLORS: Record<PersonImport['status'], string> = {
  receiving: 'gray',
  uploaded: 'gray',
  validating: 'blue',
  validated: 'teal',
  invalid: 'red',
  staging: 'blue',
  committing: 'blue',
  committed: 'green',
  failed: 'red',
  cancelled: 'gray',
};

export function ImportStatusBadge({ status }: { status: PersonImport['status'] }) {
  const { t } = useTranslation('imports');
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** The wizard's step for an import: 0 choose, 1 dry run, 2 importing, 3 done. */
function stepOf(imp: PersonImport | undefined): number {
  if (!imp) return 0;
  if (['uploaded', 'validating', 'validated', 'invalid'].includes(imp.status) && imp.dryRun) return 1;
  if (imp.status === 'committed') return 3;
  if (['failed', 'cancelled', 'invalid'].includes(imp.status)) return 1;
  return 2;
}

function UploadStep({ onStarted }: { onStarted: (id: number) => void }) {
  const { t } = useTranslation('imports');
  const language = useDisplayLanguage();
  const sites = useSiteOptions(undefined, true);
  const upload = useUploadImport();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [basis, setBasis] = useState<LawfulBasis>('public_task');
  const [file, setFile] = useState<File | null>(null);
  const start = () => {
    if (!siteId || !file) return;
    upload.mutate({ siteId: Number(siteId), lawfulBasis: basis, dryRun: true, file }, { onSuccess: (r) => onStarted(r.importId) });
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm" maw={560}>
        <Text>{t('upload.help')}</Text>
        <Group>
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void downloadTemplate(language)}>
            {t('upload.template')}
          </Button>
        </Group>
        <Select
          label={t('upload.site')}
          placeholder={t('upload.sitePlaceholder')}
          data={(sites.data?.items ?? []).map((s) => ({ value: String(s.id), label: `${s.code} — ${s.name}` }))}
          value={siteId}
          onChange={setSiteId}
          searchable
          required
        />
        <Select
          label={t('upload.basis')}
          data={LAWFUL_BASES.map((b) => ({ value: b, label: t(`basis.${b}`) }))}
          value={basis}
          onChange={(v) => v && setBasis(v as LawfulBasis)}
          allowDeselect={false}
        />
        <FileInput
          label={t('upload.file')}
          description={t('upload.fileHelp')}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          value={file}
          onChange={setFile}
          required
        />
        <FormError error={upload.error} />
        <Group>
          <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={start} disabled={!siteId || !file} loading={upload.isPending}>
            {t('upload.check')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Counts({ imp }: { imp: PersonImport }) {
  const { t } = useTranslation('imports');
  const n = (v: number | null) => formatNumber(v ?? 0);
  return (
    <Table variant="vertical" withTableBorder maw={480}>
      <Table.Tbody>
        <Table.Tr><Table.Th>{t('counts.total')}</Table.Th><Table.Td>{n(imp.totalRows)}</Table.Td></Table.Tr>
        <Table.Tr><Table.Th>{t('counts.valid')}</Table.Th><Table.Td>{n(imp.validRows)}</Table.Td></Table.Tr>
        <Table.Tr><Table.Th>{t('counts.errorRows')}</Table.Th><Table.Td>{n(imp.errorRows)}</Table.Td></Table.Tr>
        <Table.Tr><Table.Th>{t('counts.errors')}</Table.Th><Table.Td>{n(imp.errorCount)}</Table.Td></Table.Tr>
        <Table.Tr><Table.Th>{t('counts.warnings')}</Table.Th><Table.Td>{n(imp.warningCount)}</Table.Td></Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function JobProgress({ imp }: { imp: PersonImport }) {
  const { t } = useTranslation('imports');
  const { done, total } = imp.progress;
  const pct = total ? Math.min(100, Math.round((done / total) * 100)) : null;
  const label = t(`progress.${imp.status === 'validating' || imp.status === 'uploaded' ? 'validating' : imp.status === 'committing' ? 'committing' : 'staging'}`);
  return (
    <Stack gap={4} maw={560}>
      <Text size="sm">
        {label} — {t('progress.rows', { done: formatNumber(done), total: total ? formatNumber(total) : '…' })}
      </Text>
      <Progress value={pct ?? 100} animated striped={pct === null} aria-label={label} />
    </Stack>
  );
}

function ResultStep({ imp }: { imp: PersonImport }) {
  const { t } = useTranslation('imports');
  const language = useDisplayLanguage();
  const commit = useCommitImport();
  const cancel = useCancelImport();
  if (isBusy(imp)) return <JobProgress imp={imp} />;
  return (
    <Stack gap="sm">
      {imp.status === 'validated' && <Alert color="teal" title={t('result.cleanTitle')}>{t('result.clean', { count: imp.validRows ?? 0 })}</Alert>}
      {imp.status === 'invalid' && <Alert color="red" title={t('result.invalidTitle')}>{t('result.invalid')}</Alert>}
      {imp.status === 'failed' && <Alert color="red" title={t('result.failedTitle')}>{imp.failure}</Alert>}
      {imp.status === 'cancelled' && <Alert color="gray">{t('result.cancelled')}</Alert>}
      <Counts imp={imp} />
      {imp.preview && imp.preview.length > 0 && (
        <Table withTableBorder maw={720}>
          <Table.Caption>{t('preview.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('preview.row')}</Table.Th>
              <Table.Th>{t('preview.status')}</Table.Th>
              <Table.Th>{t('preview.problems')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imp.preview.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>
                  <Badge color={r.status === 'ok' ? 'teal' : r.status === 'warning' ? 'yellow' : 'red'} variant="light">
                    {t(`preview.${r.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{r.issues.map((i) => `${i.column}: ${i.code}`).join('; ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormError error={commit.error ?? cancel.error} />
      <Group>
        {imp.actions.includes('download_errors') && (imp.errorCount ?? 0) + (imp.warningCount ?? 0) > 0 && (
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void downloadErrors(imp.id, language)}>
            {t('result.downloadErrors')}
          </Button>
        )}
        {imp.actions.includes('commit') && (
          <Button onClick={() => commit.mutate(imp.id)} loading={commit.isPending}>
            {t('result.commit', { count: imp.validRows ?? 0 })}
          </Button>
        )}
        {imp.actions.includes('cancel') && (
          <Button variant="subtle" color="red" onClick={() => cancel.mutate(imp.id)} loading={cancel.isPending}>
            {t('result.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function DoneStep({ imp }: { imp: PersonImport }) {
  const { t } = useTranslation('imports');
  return (
    <Stack gap="sm">
      <Alert color="green" title={t('done.title')}>
        {t('done.body', { count: imp.committedRows ?? 0, formatted: formatNumber(imp.committedRows ?? 0), first: imp.firstCaseCode, last: imp.lastCaseCode })}
      </Alert>
      <Group>
        <Button component={Link} to={`/registri?siteId=${imp.siteId}`}>
          {t('done.toRegistry')}
        </Button>
        <Button component={Link} to="/registri/impor" variant="default">
          {t('done.another')}
        </Button>
      </Group>
    </Stack>
  );
}

function RecentImports() {
  const { t } = useTranslation('imports');
  const language = useDisplayLanguage();
  const list = useImportList(0);
  if (list.isError) return <ErrorState error={list.error} title={t('recent.loadFailed')} />;
  const items = list.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('recent.title')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{t('recent.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('recent.file')}</Table.Th>
                <Table.Th>{t('recent.site')}</Table.Th>
                <Table.Th>{t('recent.status')}</Table.Th>
                <Table.Th>{t('recent.rows')}</Table.Th>
                <Table.Th>{t('recent.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/registri/impor/${i.id}`}>
                      {i.originalName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{i.siteCode}</Table.Td>
                  <Table.Td>
                    <ImportStatusBadge status={i.status} />
                  </Table.Td>
                  <Table.Td>{formatNumber(i.committedRows ?? i.totalRows ?? 0)}</Table.Td>
                  <Table.Td>{formatDateTime(i.createdAt, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export function ImportPage() {
  const { t } = useTranslation('imports');
  const params = useParams();
  const navigate = useNavigate();
  const id = Number(params.id) || 0;
  const imp = useImport(id);
  usePageTitle(t('title'));
  const step = id > 0 ? stepOf(imp.data) : 0;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('help')}</Text>
      </div>
      {imp.isError && <ErrorState error={imp.error} title={t('loadFailed')} />}
      <Stepper active={step} allowNextStepsSelect={false}>
        <Stepper.Step label={t('steps.upload')}>
          <UploadStep onStarted={(newId) => void navigate(`/registri/impor/${newId}`)} />
        </Stepper.Step>
        <Stepper.Step label={t('steps.check')}>{imp.data && <ResultStep imp={imp.data} />}</Stepper.Step>
        <Stepper.Step label={t('steps.import')}>{imp.data && <JobProgress imp={imp.data} />}</Stepper.Step>
        <Stepper.Completed>{imp.data && <DoneStep imp={imp.data} />}</Stepper.Completed>
      </Stepper>
      {imp.data && <Group>{<ImportStatusBadge status={imp.data.status} />}<Text size="sm" c="dimmed">{imp.data.originalName}</Text></Group>}
      <RecentImports />
    </Stack>
  );
}
