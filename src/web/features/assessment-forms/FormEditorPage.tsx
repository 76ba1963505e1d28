// /admin/formulir-asesmen/:key/versi-baru: a new version of a form, starting as a copy of
// the latest — title, sections and questions added, edited, reordered or removed, with a
// preview as a case worker will see it. The server checks it; its messages appear at the
// field they name, and a version saved meanwhile by someone else is not overwritten.
import { Alert, Anchor, Button, Group, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { AssessmentForm } from '../../../common/case-forms.ts';
import { resources, useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useAssessmentForms, useCreateFormVersion } from './assessment-forms.api.ts';
import { formsPath } from './AssessmentFormsPage.tsx';
import { LabelInputs } from './editor-parts.tsx';
import { changedSection, moved, newSection, replaced, toDefinition, toDraft, without, type DraftForm } from './form-draft.ts';
import { FormPreview } from './FormPreview.tsx';
import { SectionEditor } from './SectionEditor.tsx';

export function FormEditorPage() {
  const { t } = useTranslation('assessmentForms');
  const key = useParams().key ?? '';
  const forms = useAssessmentForms();
  usePageTitle(t('newVersion'));
  if (forms.isPending) return <PageLoader />;
  if (forms.isError) return <ErrorState title={t('loadError')} error={forms.error} onRetry={() => void forms.refetch()} />;
  // The API lists each form's versions newest first.
  const latest = forms.data.items.find((f) => f.key === key);
  if (!latest) return <Alert color="yellow">{t('notFound')}</Alert>;
  return <Editor latest={latest} />;
}

function Editor({ latest }: { latest: AssessmentForm }) {
  const { t } = useTranslation('assessmentForms');
  const language = useDisplayLanguage();
  const navigate = useNavigate();
  const save = useCreateFormVersion();
  const [draft, setDraft] = useState<DraftForm>(() => toDraft(latest));
  const [tab, setTab] = useState<string | null>('edit');
  const definition = useMemo(() => toDefinition(draft), [draft]);
  const errors = fieldErrors(save.error);
  const errorAt = (path: string) => errors[path];
  const flagCodes = useMemo(() => {
    const used = definition.sections.flatMap((s) => s.questions.flatMap((q) => [...(q.options ?? []).map((o) => o.flag), q.flag?.code]));
    return [...new Set([...Object.keys(resources.id.cases.flags), ...used].filter((f): f is string => Boolean(f)))].sort();
  }, [definition]);
  // After a refusal, bring the first field with a message into view.
  useEffect(() => {
    if (save.error) document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.error]);
  const next = latest.version + 1;
  const set = (patch: Partial<DraftForm>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = () =>
    save.mutate(
      { key: draft.key, basedOnVersion: draft.basedOnVersion, title: draft.title, definition, note: draft.note },
      {
        onSuccess: (saved) => {
          window.scrollTo(0, 0);
          void navigate(`${formsPath}/${saved.id}`);
        },
        onError: () => setTab('edit'),
      },
    );
  return (
    <Stack gap="md">
      <Anchor component={Link} to={formsPath} size="sm">
        {t('back')}
      </Anchor>
      <div>
        <Title order={1}>{t('editor.title', { title: latest.title[language] })}</Title>
        <Text c="dimmed">{t('editor.basedOn', { n: latest.version, next })}</Text>
      </div>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="edit">{t('tabs.edit')}</Tabs.Tab>
          <Tabs.Tab value="preview">{t('tabs.preview')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="edit" pt="md">
          <Stack gap="md">
            <LabelInputs field={t('editor.formTitle')} value={draft.title} onChange={(title) => set({ title })} errorAt={errorAt} path="title" />
            {draft.sections.map((s, si) => (
              <SectionEditor
                key={s.uid}
                form={draft}
                s={s}
                index={si}
                count={draft.sections.length}
                flagCodes={flagCodes}
                errorAt={errorAt}
                hasErrorUnder={(prefix) => Object.keys(errors).some((f) => f.startsWith(prefix))}
                onChange={(patch) => setDraft((d) => ({ ...d, sections: replaced(d.sections, si, changedSection(d, d.sections[si]!, patch)) }))}
                onMove={(by) => setDraft((d) => ({ ...d, sections: moved(d.sections, si, by) }))}
                onRemove={() => setDraft((d) => ({ ...d, sections: without(d.sections, si) }))}
              />
            ))}
            {(draft.sections.length === 0 || errorAt('definition.sections')) && (
              <Text size="sm" c="red">
                {errorAt('definition.sections') ?? t('editor.empty')}
              </Text>
            )}
            <Button variant="light" w="fit-content" onClick={() => set({ sections: [...draft.sections, newSection()] })}>
              {t('editor.addSection')}
            </Button>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="md">
          {tab === 'preview' && <FormPreview definition={definition} />}
        </Tabs.Panel>
      </Tabs>
      <Textarea label={t('editor.note')} description={t('editor.noteHint')} autosize minRows={2} value={draft.note} onChange={(e) => set({ note: e.currentTarget.value })} error={errorAt('note')} />
      <FormError error={save.error} shownFields={Object.keys(errors).filter((f) => f.startsWith('definition.') || f.startsWith('title.') || f === 'note')} />
      <Group>
        <Button onClick={submit} loading={save.isPending}>
          {t('editor.save', { n: next })}
        </Button>
        <Button component={Link} to={formsPath} variant="default">
          {t('editor.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
