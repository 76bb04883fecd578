import { graphql } from '../../gql/index.js';

export const PromptsDocument = graphql(`
  query Prompts($first: Int!, $offset: Int!, $search: String) {
    prompts(first: $first, offset: $offset, search: $search) {
      id
      name
      description
      versionCount
      createdAt
      labels { label version since }
    }
  }
`);

export const PromptDocument = graphql(`
  query Prompt($name: String!) {
    prompt(name: $name) {
      id
      name
      description
      versionCount
      tags { key value }
      labels { label version since }
      versions(first: 200) {
        id
        version
        type
        text
        messages { role content }
        commitMessage
        config
        labels
        createdAt
        createdBy { name role }
        modelVersionId
        variables { name required default description }
      }
      history(first: 200) {
        seq
        type
        version
        at
        actor { name role }
        pointer
        previousVersion
        reason
        outcome
        rejectionCode
        rejectionMessage
      }
    }
  }
`);

export const PromptByLabelDocument = graphql(`
  query PromptByLabel($name: String!, $label: String!) {
    promptVersion(name: $name, label: $label) { version labels commitMessage }
  }
`);

export const RenderPromptDocument = graphql(`
  query RenderPrompt($name: String!, $version: Int!, $variables: JSON!) {
    renderPrompt(name: $name, version: $version, variables: $variables) {
      type
      text
      messages { role content }
      config
    }
  }
`);

export const DiffPromptVersionsDocument = graphql(`
  query DiffPromptVersions($name: String!, $from: Int!, $to: Int!) {
    diffPromptVersions(name: $name, from: $from, to: $to) {
      typeChanged
      variablesAdded
      variablesRemoved
      configChanges { key from to }
      lines { op text }
    }
  }
`);

export const PromptSummaryDocument = graphql(`
  query PromptSummary($name: String!) {
    prompt(name: $name) {
      versionCount
      labels { label version }
    }
  }
`);

export const PromptVersionSummaryDocument = graphql(`
  query PromptVersionSummary($name: String!, $version: Int!) {
    promptVersion(name: $name, version: $version) {
      version
      type
      labels
      commitMessage
      variables { name }
    }
  }
`);

export const SetPromptLabelDocument = graphql(`
  mutation SetPromptLabel($input: SetPromptLabelInput!) {
    setPromptLabel(input: $input) { version labels }
  }
`);

export const RemovePromptLabelDocument = graphql(`
  mutation RemovePromptLabel($input: RemovePromptLabelInput!) {
    removePromptLabel(input: $input) { name }
  }
`);
