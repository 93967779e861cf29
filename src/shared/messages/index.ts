/** Typed messages between the extension's contexts: protocol, validation, sending and listening. */
export type {
  BackgroundRequest,
  EntityCounts,
  EntityLabel,
  LibraryHit,
  SaveReply,
  MentionCommand,
  PageEntities,
} from './protocol';
export {
  sendToBackground,
  notifyBackground,
  sendFromExtensionPage,
  sendToTab,
  onBackgroundRequest,
  onTabRequest,
} from './channel';
export type { BackgroundHandlers, MessageSender } from './channel';
