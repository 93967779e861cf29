/** Typed messages between the extension's contexts: protocol, validation, sending and listening. */
export type {
  BackgroundRequest,
  BackgroundResponses,
  EntityCounts,
  EntityLabel,
  LibraryHit,
  SaveReply,
  MentionCommand,
  PageEntities,
  TabRequest,
  TabResponses,
} from './protocol';
export { parseBackgroundRequest, parseTabRequest, parsePageEntities, parseEntityKnowledge } from './validate';
export { isEntityId } from './fields';
export {
  MessageError,
  sendToBackground,
  sendToTab,
  onBackgroundRequest,
  onTabRequest,
  onPageEntitiesReport,
} from './channel';
export type { BackgroundHandlers, TabHandlers, MessageSender } from './channel';
