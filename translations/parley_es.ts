<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Main</name>
    <message>
        <source>Parley desktop</source>
        <translation>Parley para escritorio</translation>
    </message>
    <message>
        <source>Parley: end-to-end encrypted messenger.</source>
        <translation>Parley: mensajería con cifrado de extremo a extremo.</translation>
    </message>
    <message>
        <source>Base URL of the Parley server.</source>
        <translation>URL base del servidor de Parley.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Folder that keeps this device&apos;s key.</source>
        <translation>Carpeta que guarda la clave de este dispositivo.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>carpeta</translation>
    </message>
    <message>
        <source>--server needs an http:// or https:// URL, not &apos;%1&apos;</source>
        <translation>--server necesita una URL http:// o https://, no &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Parley</source>
        <translation>Parley</translation>
    </message>
    <message>
        <source>Parley cannot open this device&apos;s key, so it cannot sign in.</source>
        <translation>Parley no puede abrir la clave de este dispositivo, así que no puede iniciar sesión.</translation>
    </message>
    <message>
        <source>Keep this device&apos;s key and sign-in in files only you can read, not in the system keychain (also PARLEY_KEYCHAIN=0).</source>
        <translation>Guardar la clave y el inicio de sesión de este dispositivo en archivos que solo tú puedes leer, no en el llavero del sistema (también PARLEY_KEYCHAIN=0).</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>last seen today at %1</source>
        <translation>últ. vez hoy a las %1</translation>
    </message>
    <message>
        <source>last seen yesterday at %1</source>
        <translation>últ. vez ayer a las %1</translation>
    </message>
    <message>
        <source>last seen %1 at %2</source>
        <translation>últ. vez el %1 a las %2</translation>
    </message>
</context>
<context>
    <name>VCardReader</name>
    <message>
        <source>the address book is larger than 16 MiB</source>
        <translation>la libreta de contactos ocupa más de 16 MiB</translation>
    </message>
    <message>
        <source>a line of the address book is longer than 64 KiB</source>
        <translation>una línea de la libreta de contactos ocupa más de 64 KiB</translation>
    </message>
    <message>
        <source>the address book has more than 20000 contacts</source>
        <translation>la libreta tiene más de 20&#xa0;000 contactos</translation>
    </message>
    <message>
        <source>this is not a vCard file (no BEGIN:VCARD)</source>
        <translation>este no es un archivo vCard (falta BEGIN:VCARD)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
</context>
<context>
    <name>parley::Account</name>
    <message>
        <source>You logged out of this device.</source>
        <translation>Cerraste sesión en este dispositivo.</translation>
    </message>
</context>
<context>
    <name>parley::LoginService</name>
    <message>
        <source>Enter the number with its country code, like +1 202 555 0123.</source>
        <translation>Escribe el número con su código de país, por ejemplo, +34 612 345 678.</translation>
    </message>
</context>
<context>
    <name>parley::SecretVault</name>
    <message>
        <source>The system keychain could not %1: %2</source>
        <translation>El llavero del sistema no pudo %1: %2</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>leer %1</translation>
    </message>
    <message>
        <source>save %1</source>
        <translation>guardar %1</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>eliminar %1</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>no respondió en %1 s</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no respondió</translation>
    </message>
    <message>
        <source>This profile&apos;s device key and sign-in are in the system keychain, which cannot be used now (%1). Start or unlock your desktop&apos;s keychain (GNOME Keyring, KWallet) and open Parley again.</source>
        <translation>La clave del dispositivo y el inicio de sesión de este perfil están en el llavero del sistema, que ahora no se puede usar (%1). Inicia o desbloquea el llavero de tu escritorio (GNOME Keyring, KWallet) y vuelve a abrir Parley.</translation>
    </message>
    <message>
        <source>the keychain is turned off</source>
        <translation>el llavero está desactivado</translation>
    </message>
    <message>
        <source>keep a value</source>
        <translation>guardar un valor</translation>
    </message>
    <message>
        <source>it read back something else</source>
        <translation>al volver a leerlo, devolvió otra cosa</translation>
    </message>
    <message>
        <source>no system keychain answered when Parley started</source>
        <translation>ningún llavero del sistema respondió al iniciar Parley</translation>
    </message>
    <message>
        <source>keep the device key</source>
        <translation>guardar la clave del dispositivo</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>no se puede escribir en %1</translation>
    </message>
    <message>
        <source>the system keychain (Secret Service)</source>
        <translation>el llavero del sistema (Secret Service)</translation>
    </message>
    <message>
        <source>files only you can read, in %1</source>
        <translation>archivos que solo tú puedes leer, en la carpeta %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>the keychain&apos;s device key</source>
        <translation>la clave del dispositivo guardada en el llavero</translation>
    </message>
    <message>
        <source>the saved session&apos;s token is in a keychain that is not used now</source>
        <translation>el token de la sesión guardada está en un llavero que ahora no se usa</translation>
    </message>
    <message>
        <source>no saved session</source>
        <translation>no hay ninguna sesión guardada</translation>
    </message>
</context>
<context>
    <name>parley::UserDirectory</name>
    <message>
        <source>Nobody uses Parley with this number.</source>
        <translation>Nadie usa Parley con este número.</translation>
    </message>
</context>
<context>
    <name>parley::sync::ChatDirectory</name>
    <message>
        <source>The server answered with a chat with someone else.</source>
        <translation>El servidor respondió con un chat con otra persona.</translation>
    </message>
</context>
<context>
    <name>parley::sync::LiveStatus</name>
    <message>
        <source>Not connected.</source>
        <translation>Sin conexión.</translation>
    </message>
</context>
<context>
    <name>parley::sync::Outbox</name>
    <message>
        <source>An empty message cannot be sent.</source>
        <translation>No se puede enviar un mensaje vacío.</translation>
    </message>
    <message>
        <source>The message is too long (at most %1 characters).</source>
        <translation>El mensaje es demasiado largo (máximo %1 caracteres).</translation>
    </message>
    <message>
        <source>There is no such message to reply to.</source>
        <translation>No existe el mensaje al que quieres responder.</translation>
    </message>
    <message>
        <source>Only your own messages can be edited.</source>
        <translation>Solo puedes editar tus propios mensajes.</translation>
    </message>
    <message>
        <source>The message was deleted for everyone.</source>
        <translation>El mensaje se eliminó para todos.</translation>
    </message>
    <message>
        <source>A reaction is one emoji.</source>
        <translation>Una reacción es un solo emoji.</translation>
    </message>
    <message>
        <source>There is no such message to react to.</source>
        <translation>No existe el mensaje al que quieres reaccionar.</translation>
    </message>
    <message>
        <source>There is no such message.</source>
        <translation>No existe ese mensaje.</translation>
    </message>
    <message>
        <source>The message is still being sent.</source>
        <translation>El mensaje todavía se está enviando.</translation>
    </message>
    <message>
        <source>Only your own messages can be deleted for everyone.</source>
        <translation>Solo puedes eliminar para todos tus propios mensajes.</translation>
    </message>
    <message>
        <source>The message was already deleted.</source>
        <translation>El mensaje ya se eliminó.</translation>
    </message>
    <message>
        <source>The message has not reached the server yet.</source>
        <translation>El mensaje todavía no ha llegado al servidor.</translation>
    </message>
    <message>
        <source>There is no such chat.</source>
        <translation>No existe ese chat.</translation>
    </message>
    <message>
        <source>The recipient has no device to send to.</source>
        <translation>El destinatario no tiene ningún dispositivo al que enviar el mensaje.</translation>
    </message>
</context>
<context>
    <name>parley::ui::AvatarCropDialog</name>
    <message>
        <source>Crop your picture</source>
        <translation>Recorta tu foto</translation>
    </message>
    <message>
        <source>Picture to crop</source>
        <translation>Foto para recortar</translation>
    </message>
    <message>
        <source>Drag the picture to place it in the circle; zoom with the slider or the mouse wheel.</source>
        <translation>Arrastra la foto para colocarla en el círculo; usa el control deslizante o la rueda del ratón para hacer zoom.</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Use picture</source>
        <translation>Usar foto</translation>
    </message>
    <message>
        <source>“%1” was not found.</source>
        <translation>No se encontró el archivo “%1”.</translation>
    </message>
    <message>
        <source>“%1” is larger than %2 MB. Choose a smaller picture.</source>
        <translation>“%1” ocupa más de %2 MB. Elige una foto más pequeña.</translation>
    </message>
    <message>
        <source>“%1” cannot be opened as a picture (%2). Choose a PNG or JPEG file.</source>
        <translation>No se puede abrir “%1” como imagen (%2). Elige un archivo PNG o JPEG.</translation>
    </message>
    <message>
        <source>Choose a profile picture</source>
        <translation>Elige una foto de perfil</translation>
    </message>
    <message>
        <source>Pictures (%1);;All files (*)</source>
        <translation>Imágenes (%1);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>parley::ui::ChatListDelegate</name>
    <message>
        <source>You deleted this message</source>
        <translation>Eliminaste este mensaje</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>Se eliminó este mensaje</translation>
    </message>
    <message>
        <source>Message could not be decrypted</source>
        <translation>No se pudo descifrar el mensaje</translation>
    </message>
    <message>
        <source>Security code changed</source>
        <translation>El código de seguridad cambió</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>escribiendo…</translation>
    </message>
</context>
<context>
    <name>parley::ui::ChatView</name>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Enviar (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancelar (Esc)</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en línea</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>escribiendo…</translation>
    </message>
    <message>
        <source>Replying to yourself</source>
        <translation>Respondiendo a tu propio mensaje</translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation>Respondiendo a %1</translation>
    </message>
    <message>
        <source>Editing message</source>
        <translation>Editando mensaje</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>React</source>
        <translation>Reaccionar</translation>
    </message>
    <message>
        <source>Remove my reaction</source>
        <translation>Quitar mi reacción</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Delete for me</source>
        <translation>Eliminar para mí</translation>
    </message>
    <message>
        <source>Delete for everyone</source>
        <translation>Eliminar para todos</translation>
    </message>
    <message>
        <source>The original message is not on this device.</source>
        <translation>El mensaje original no está en este dispositivo.</translation>
    </message>
    <message>
        <source>Chat options</source>
        <translation>Opciones del chat</translation>
    </message>
    <message>
        <source>Verify security code…</source>
        <translation>Verificar código de seguridad…</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
</context>
<context>
    <name>parley::ui::ChatsPage</name>
    <message>
        <source>Select a chat to start messaging</source>
        <translation>Selecciona un chat para empezar a enviar mensajes</translation>
    </message>
    <message>
        <source>Search chats and messages</source>
        <translation>Buscar chats y mensajes</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>Nuevo chat (Ctrl+N)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Ajustes (Ctrl+,)</translation>
    </message>
    <message>
        <source>No chats yet. Start one with &quot;New chat&quot;.</source>
        <translation>Aún no tienes chats. Inicia uno con &quot;Nuevo chat&quot;.</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>← Back to chats</source>
        <translation>← Volver a los chats</translation>
    </message>
    <message>
        <source>Archived (%1)</source>
        <translation>Archivados (%1)</translation>
    </message>
    <message>
        <source>Unpin chat</source>
        <translation>Desfijar chat</translation>
    </message>
    <message>
        <source>Pin chat</source>
        <translation>Fijar chat</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Dejar de silenciar</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Silenciar notificaciones</translation>
    </message>
    <message>
        <source>For 8 hours</source>
        <translation>8 horas</translation>
    </message>
    <message>
        <source>For 1 week</source>
        <translation>1 semana</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Siempre</translation>
    </message>
    <message>
        <source>Unarchive chat</source>
        <translation>Desarchivar chat</translation>
    </message>
    <message>
        <source>Archive chat</source>
        <translation>Archivar chat</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Marcar como leído</translation>
    </message>
    <message>
        <source>Delete chat</source>
        <translation>Eliminar chat</translation>
    </message>
</context>
<context>
    <name>parley::ui::Composer</name>
    <message>
        <source>Type a message</source>
        <translation>Escribe un mensaje</translation>
    </message>
</context>
<context>
    <name>parley::ui::DesktopNotifications</name>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
</context>
<context>
    <name>parley::ui::EmojiPicker</name>
    <message>
        <source>Smileys</source>
        <translation>Caritas</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Animals and nature</source>
        <translation>Animales y naturaleza</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>Comida y bebida</translation>
    </message>
    <message>
        <source>Activities and travel</source>
        <translation>Actividades y viajes</translation>
    </message>
    <message>
        <source>Objects and symbols</source>
        <translation>Objetos y símbolos</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Banderas</translation>
    </message>
    <message>
        <source>Recently used</source>
        <translation>Usados recientemente</translation>
    </message>
</context>
<context>
    <name>parley::ui::LocalAvatar</name>
    <message>
        <source>There is no picture to save.</source>
        <translation>No hay ninguna foto que guardar.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>No se puede crear la carpeta %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir en %1: %2</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>No se puede eliminar %1: %2</translation>
    </message>
    <message>
        <source>Cannot encode the picture as PNG.</source>
        <translation>No se puede codificar la foto como PNG.</translation>
    </message>
    <message>
        <source>Your picture is kept on this computer until Parley can send pictures; others still see your initials.</source>
        <translation>Tu foto se guarda en este ordenador hasta que Parley pueda enviar fotos; mientras tanto, los demás ven tus iniciales.</translation>
    </message>
</context>
<context>
    <name>parley::ui::LoginPage</name>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Algo salió mal. Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Sign in to Parley</source>
        <translation>Inicia sesión en Parley</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>%1-digit code</source>
        <extracomment>%1 is the number of digits in a login code</extracomment>
        <translation>Código de %1 dígitos</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <source>Use another number</source>
        <translation>Usar otro número</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Enviar un código nuevo</translation>
    </message>
    <message>
        <source>Enter the %1-digit code sent to %2.</source>
        <extracomment>%1 is the number of digits in a login code, %2 the phone number it was sent to</extracomment>
        <translation>Escribe el código de %1 dígitos que se envió al %2.</translation>
    </message>
    <message>
        <source>It is valid for %1 min.</source>
        <translation>Es válido durante %1 min.</translation>
    </message>
    <message>
        <source>Send a new code in %1</source>
        <extracomment>%1 is a countdown in minutes and seconds, such as 0:42</extracomment>
        <translation>Enviar un código nuevo en %1</translation>
    </message>
    <message>
        <source>Cannot reach the Parley server at %1. Check the address and your connection, and try again.</source>
        <translation>No se puede conectar con el servidor de Parley en %1. Revisa la dirección y tu conexión, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>%1 does not answer as a Parley server does. Check the address.</source>
        <translation>%1 no responde como un servidor de Parley. Revisa la dirección.</translation>
    </message>
    <message>
        <source>Server: %1 · Change</source>
        <extracomment>%1 is the server&apos;s address, such as parley.example.org</extracomment>
        <translation>Servidor: %1 · Cambiar</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as https://parley.example.org or http://127.0.0.1:8765.</source>
        <translation>Escribe la dirección del servidor, por ejemplo, https://parley.example.org o http://127.0.0.1:8765.</translation>
    </message>
    <message>
        <source>Too long for a number in %1.</source>
        <translation>Demasiado largo para un número de %1.</translation>
    </message>
    <message>
        <source>No country has this calling code.</source>
        <translation>Este código de país no existe.</translation>
    </message>
    <message>
        <source>✓ %1 (%2)</source>
        <extracomment>%1 is the number in international form, %2 its country</extracomment>
        <translation>✓ %1 (%2)</translation>
    </message>
    <message>
        <source>Your country and phone number:</source>
        <translation>Tu país y número de teléfono:</translation>
    </message>
    <message>
        <source>202 555 0123</source>
        <extracomment>An example number without its country code; use one that is typical for the language.</extracomment>
        <translation>612 34 56 78</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Dirección del servidor:</translation>
    </message>
    <message>
        <source>Enter your phone number.</source>
        <translation>Escribe tu número de teléfono.</translation>
    </message>
    <message>
        <source>This number is too short for %1.</source>
        <translation>Este número es demasiado corto para %1.</translation>
    </message>
    <message>
        <source>This number is too long for %1.</source>
        <translation>Este número es demasiado largo para %1.</translation>
    </message>
    <message>
        <source>No country has this calling code. Pick your country, or type the number with its country code, like +1 202 555 0123.</source>
        <translation>Este código de país no existe. Elige tu país o escribe el número con su código de país, por ejemplo, +1 202 555 0123.</translation>
    </message>
    <message>
        <source>This is not a number in use in %1. Check the number and the country.</source>
        <translation>Este número no está en uso en %1. Revisa el número y el país.</translation>
    </message>
</context>
<context>
    <name>parley::ui::MainWindow</name>
    <message>
        <source>Parley</source>
        <translation>Parley</translation>
    </message>
    <message>
        <source>(%1) Parley</source>
        <translation>(%1) Parley</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Sesión iniciada como %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
</context>
<context>
    <name>parley::ui::MessageDelegate</name>
    <message>
        <source>this contact</source>
        <translation>este contacto</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>editado</translation>
    </message>
    <message>
        <source>You deleted this message</source>
        <translation>Eliminaste este mensaje</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>Se eliminó este mensaje</translation>
    </message>
    <message>
        <source>This message could not be decrypted. Ask the sender to send it again.</source>
        <translation>No se pudo descifrar este mensaje. Pide a quien lo envió que lo vuelva a enviar.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>Them</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Original message not available</source>
        <translation>Mensaje original no disponible</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n mensaje sin leer</numerusform>
            <numerusform>%n mensajes sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>Your security code with %1 changed. Click to verify.</source>
        <translation>Tu código de seguridad con %1 cambió. Haz clic para verificarlo.</translation>
    </message>
    <message>
        <source>You marked %1 as verified.</source>
        <translation>Marcaste como verificado tu código de seguridad con %1.</translation>
    </message>
    <message>
        <source>You marked %1 as not verified.</source>
        <translation>Marcaste como no verificado tu código de seguridad con %1.</translation>
    </message>
</context>
<context>
    <name>parley::ui::NewChatDialog</name>
    <message>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <source>Start chat</source>
        <translation>Iniciar chat</translation>
    </message>
    <message>
        <source>Type at least two letters of a name.</source>
        <translation>Escribe al menos dos letras de un nombre.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check your connection.</source>
        <translation>No se puede conectar con el servidor. Revisa tu conexión.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>Nobody found. Ask them to join Parley.</source>
        <translation>No se encontró a nadie. Invita a esa persona a unirse a Parley.</translation>
    </message>
    <message>
        <source>A name or a phone number</source>
        <translation>Nombre o número de teléfono</translation>
    </message>
    <message>
        <source>Find people by their phone number, such as +1 202 555 0100, or by their name, or import your contacts.</source>
        <translation>Busca personas por su número de teléfono, por ejemplo, +1 202 555 0100, o por su nombre. También puedes importar tus contactos.</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Importar contactos…</translation>
    </message>
    <message>
        <source>Find who of your address book is on Parley: a vCard file (.vcf) exported from your phone or mail. Only a hash of each number goes to the server; names stay on this device.</source>
        <translation>Descubre quién de tu libreta de contactos está en Parley: elige un archivo vCard (.vcf) exportado desde tu teléfono o tu correo. Al servidor solo se envía un hash de cada número; los nombres se quedan en este dispositivo.</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Importar contactos</translation>
    </message>
    <message>
        <source>Address books (*.vcf *.vcard);;All files (*)</source>
        <translation>Libretas de contactos (*.vcf *.vcard);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>In your contacts</source>
        <translation>En tus contactos</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>No se puede importar %1: %2</translation>
    </message>
    <message>
        <source>the server cannot be reached.</source>
        <translation>no se puede conectar con el servidor.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n number(s) imported</source>
        <translation>
            <numerusform>%1: %n número importado</numerusform>
            <numerusform>%1: %n números importados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n on Parley).</source>
        <translation>
            <numerusform>(%n en Parley).</numerusform>
            <numerusform>(%n en Parley).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) had no valid number.</source>
        <translation>
            <numerusform>%n contacto no tenía un número válido.</numerusform>
            <numerusform>%n contactos no tenían un número válido.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your contacts on Parley</source>
        <translation>Tus contactos en Parley</translation>
    </message>
    <message>
        <source>Type the whole number, or start it with + and the country code.</source>
        <translation>Escribe el número completo o empieza con + y el código de país.</translation>
    </message>
</context>
<context>
    <name>parley::ui::Notifier</name>
    <message>
        <source>Open Parley</source>
        <translation>Abrir Parley</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Parley</source>
        <translation>Parley</translation>
    </message>
    <message numerus="yes">
        <source>Parley: %n unread message(s)</source>
        <translation>
            <numerusform>Parley: %n mensaje sin leer</numerusform>
            <numerusform>Parley: %n mensajes sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Nuevo mensaje</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>Se eliminó este mensaje</translation>
    </message>
</context>
<context>
    <name>parley::ui::ProfileSetupPage</name>
    <message>
        <source>What&apos;s your name?</source>
        <translation>¿Cómo te llamas?</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>Omitir por ahora</translation>
    </message>
    <message>
        <source>Your name was not saved: %1</source>
        <translation>No se guardó tu nombre: %1</translation>
    </message>
    <message>
        <source>People you write to see this name.</source>
        <translation>Las personas a las que escribes verán este nombre.</translation>
    </message>
    <message>
        <source>Add a picture (optional)</source>
        <translation>Añadir una foto (opcional)</translation>
    </message>
    <message>
        <source>Change picture</source>
        <translation>Cambiar foto</translation>
    </message>
    <message>
        <source>Your picture was not saved: %1</source>
        <translation>No se guardó tu foto: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::SafetyNumberDialog</name>
    <message>
        <source>Verify security code</source>
        <translation>Verificar código de seguridad</translation>
    </message>
    <message>
        <source>Security code with %1</source>
        <translation>Código de seguridad con %1</translation>
    </message>
    <message>
        <source>Compare these numbers with the ones on %1&apos;s screen, side by side or on a call you trust. If they are the same, your messages go only to their devices and nobody in between can read them. They change when either of you adds or removes a device.</source>
        <translation>Compara estos números con los que aparecen en la pantalla de %1, en persona o en una llamada de confianza. Si coinciden, tus mensajes solo llegan a sus dispositivos y ningún intermediario puede leerlos. Los números cambian cuando alguno de los dos añade o quita un dispositivo.</translation>
    </message>
    <message>
        <source>Mark as verified</source>
        <translation>Marcar como verificado</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Getting the latest devices…</source>
        <translation>Obteniendo los dispositivos más recientes…</translation>
    </message>
    <message>
        <source>The security code cannot be shown: %1</source>
        <translation>No se puede mostrar el código de seguridad: %1</translation>
    </message>
    <message>
        <source>Clear verification</source>
        <translation>Quitar verificación</translation>
    </message>
    <message>
        <source>✓ Verified</source>
        <translation>✓ Verificado</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>No verificado</translation>
    </message>
</context>
<context>
    <name>parley::ui::SearchHitDelegate</name>
    <message>
        <source>You: </source>
        <translation>Tú: </translation>
    </message>
</context>
<context>
    <name>parley::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <source>Cannot read your profile: %1</source>
        <translation>No se puede leer tu perfil: %1</translation>
    </message>
    <message>
        <source>Your name, as others see it</source>
        <translation>Tu nombre, tal como lo ven los demás</translation>
    </message>
    <message>
        <source>A few words about you</source>
        <translation>Unas palabras sobre ti</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Info.</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Show a notification for new messages</source>
        <translation>Mostrar una notificación de los mensajes nuevos</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>Reproducir un sonido</translation>
    </message>
    <message>
        <source>Muted chats and the chat you have open never notify.</source>
        <translation>Los chats silenciados y el chat que tienes abierto nunca muestran notificaciones.</translation>
    </message>
    <message>
        <source>Share when I was last seen and when I am online</source>
        <translation>Compartir mi hora de últ. vez y cuándo estoy en línea</translation>
    </message>
    <message>
        <source>Send read receipts</source>
        <translation>Enviar confirmaciones de lectura</translation>
    </message>
    <message>
        <source>Both work both ways: if you do not share yours, you do not see other people&apos;s either.</source>
        <translation>Ambas funcionan en los dos sentidos: si no compartes las tuyas, tampoco ves las de los demás.</translation>
    </message>
    <message>
        <source>Remove device</source>
        <translation>Quitar dispositivo</translation>
    </message>
    <message>
        <source>Log out of this device</source>
        <translation>Cerrar sesión en este dispositivo</translation>
    </message>
    <message>
        <source>A removed device is signed out at once and gets no new messages.</source>
        <translation>Al quitar un dispositivo, se cierra su sesión de inmediato y deja de recibir mensajes nuevos.</translation>
    </message>
    <message>
        <source>Your profile was not saved: %1</source>
        <translation>No se guardó tu perfil: %1</translation>
    </message>
    <message>
        <source>Your privacy settings were not saved: %1</source>
        <translation>No se guardaron tus ajustes de privacidad: %1</translation>
    </message>
    <message>
        <source>Cannot read your devices: %1</source>
        <translation>No se pueden leer tus dispositivos: %1</translation>
    </message>
    <message>
        <source>%1 (this device) · since %2</source>
        <translation>%1 (este dispositivo) · desde el %2</translation>
    </message>
    <message>
        <source>%1 · since %2</source>
        <translation>%1 · desde el %2</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Reiniciar ahora</translation>
    </message>
    <message>
        <source>Parley uses the new language from its next start.</source>
        <translation>Parley usará el nuevo idioma la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Your messages are end-to-end encrypted. To be sure they reach only the devices of the people you write to, compare your security code with each of them once.</source>
        <translation>Tus mensajes están cifrados de extremo a extremo. Para asegurarte de que solo lleguen a los dispositivos de las personas a las que escribes, compara tu código de seguridad con cada una de ellas una vez.</translation>
    </message>
    <message>
        <source>Verify security code…</source>
        <translation>Verificar código de seguridad…</translation>
    </message>
    <message>
        <source>This device&apos;s key and sign-in are kept in %1.</source>
        <translation>La clave y el inicio de sesión de este dispositivo se guardan en %1.</translation>
    </message>
    <message>
        <source>Cannot read your chats: %1</source>
        <translation>No se pueden leer tus chats: %1</translation>
    </message>
    <message>
        <source>%1 · ✓ verified</source>
        <translation>%1 · ✓ verificado</translation>
    </message>
    <message>
        <source>%1 · not verified</source>
        <translation>%1 · no verificado</translation>
    </message>
    <message>
        <source>Change picture…</source>
        <translation>Cambiar foto…</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>Quitar foto</translation>
    </message>
    <message>
        <source>Your picture was not removed: %1</source>
        <translation>No se quitó tu foto: %1</translation>
    </message>
    <message>
        <source>Your picture was not saved: %1</source>
        <translation>No se guardó tu foto: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::appearance</name>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
</context>
</TS>
