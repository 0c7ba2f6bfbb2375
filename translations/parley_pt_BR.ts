<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Main</name>
    <message>
        <source>Parley desktop</source>
        <translation>Parley para computador</translation>
    </message>
    <message>
        <source>Parley: end-to-end encrypted messenger.</source>
        <translation>Parley: mensageiro com criptografia de ponta a ponta.</translation>
    </message>
    <message>
        <source>Base URL of the Parley server.</source>
        <translation>URL base do servidor do Parley.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Folder that keeps this device&apos;s key.</source>
        <translation>Pasta que guarda a chave deste dispositivo.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>pasta</translation>
    </message>
    <message>
        <source>--server needs an http:// or https:// URL, not &apos;%1&apos;</source>
        <translation>--server precisa de uma URL http:// ou https://, e não &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Parley</source>
        <translation>Parley</translation>
    </message>
    <message>
        <source>Parley cannot open this device&apos;s key, so it cannot sign in.</source>
        <translation>O Parley não consegue abrir a chave deste dispositivo, então não é possível entrar.</translation>
    </message>
    <message>
        <source>Keep this device&apos;s key and sign-in in files only you can read, not in the system keychain (also PARLEY_KEYCHAIN=0).</source>
        <translation>Guardar a chave e os dados de login deste dispositivo em arquivos que só você pode ler, e não no chaveiro do sistema (também PARLEY_KEYCHAIN=0).</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>Yesterday</source>
        <translation>Ontem</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <source>last seen today at %1</source>
        <translation>visto por último hoje às %1</translation>
    </message>
    <message>
        <source>last seen yesterday at %1</source>
        <translation>visto por último ontem às %1</translation>
    </message>
    <message>
        <source>last seen %1 at %2</source>
        <translation>visto por último em %1 às %2</translation>
    </message>
</context>
<context>
    <name>VCardReader</name>
    <message>
        <source>the address book is larger than 16 MiB</source>
        <translation>a agenda de contatos tem mais de 16 MiB</translation>
    </message>
    <message>
        <source>a line of the address book is longer than 64 KiB</source>
        <translation>uma linha da agenda de contatos tem mais de 64 KiB</translation>
    </message>
    <message>
        <source>the address book has more than 20000 contacts</source>
        <translation>a agenda tem mais de 20 mil contatos</translation>
    </message>
    <message>
        <source>this is not a vCard file (no BEGIN:VCARD)</source>
        <translation>este não é um arquivo vCard (falta BEGIN:VCARD)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>não é possível ler %1: %2</translation>
    </message>
</context>
<context>
    <name>parley::Account</name>
    <message>
        <source>You logged out of this device.</source>
        <translation>Você se desconectou deste dispositivo.</translation>
    </message>
</context>
<context>
    <name>parley::LoginService</name>
    <message>
        <source>Enter the number with its country code, like +1 202 555 0123.</source>
        <translation>Digite o número com o código do país, como +55 11 91234-5678.</translation>
    </message>
</context>
<context>
    <name>parley::SecretVault</name>
    <message>
        <source>The system keychain could not %1: %2</source>
        <translation>O chaveiro do sistema não conseguiu %1: %2</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>ler %1</translation>
    </message>
    <message>
        <source>save %1</source>
        <translation>salvar %1</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>apagar %1</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>não respondeu em %1 s</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>não respondeu</translation>
    </message>
    <message>
        <source>This profile&apos;s device key and sign-in are in the system keychain, which cannot be used now (%1). Start or unlock your desktop&apos;s keychain (GNOME Keyring, KWallet) and open Parley again.</source>
        <translation>A chave do dispositivo e os dados de login deste perfil estão no chaveiro do sistema, que não pode ser usado agora (%1). Inicie ou desbloqueie o chaveiro do seu ambiente de trabalho (GNOME Keyring, KWallet) e abra o Parley de novo.</translation>
    </message>
    <message>
        <source>the keychain is turned off</source>
        <translation>o chaveiro está desativado</translation>
    </message>
    <message>
        <source>keep a value</source>
        <translation>guardar um valor</translation>
    </message>
    <message>
        <source>it read back something else</source>
        <translation>ao ler de volta, veio outro valor</translation>
    </message>
    <message>
        <source>no system keychain answered when Parley started</source>
        <translation>nenhum chaveiro do sistema respondeu quando o Parley foi aberto</translation>
    </message>
    <message>
        <source>keep the device key</source>
        <translation>guardar a chave do dispositivo</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>não é possível gravar %1</translation>
    </message>
    <message>
        <source>the system keychain (Secret Service)</source>
        <translation>no chaveiro do sistema (Secret Service)</translation>
    </message>
    <message>
        <source>files only you can read, in %1</source>
        <translation>em arquivos que só você pode ler, na pasta %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>the keychain&apos;s device key</source>
        <translation>a chave do dispositivo guardada no chaveiro</translation>
    </message>
    <message>
        <source>the saved session&apos;s token is in a keychain that is not used now</source>
        <translation>o token da sessão salva está em um chaveiro que não está em uso agora</translation>
    </message>
    <message>
        <source>no saved session</source>
        <translation>nenhuma sessão salva</translation>
    </message>
</context>
<context>
    <name>parley::UserDirectory</name>
    <message>
        <source>Nobody uses Parley with this number.</source>
        <translation>Ninguém usa o Parley com este número.</translation>
    </message>
</context>
<context>
    <name>parley::sync::ChatDirectory</name>
    <message>
        <source>The server answered with a chat with someone else.</source>
        <translation>O servidor respondeu com uma conversa com outra pessoa.</translation>
    </message>
</context>
<context>
    <name>parley::sync::LiveStatus</name>
    <message>
        <source>Not connected.</source>
        <translation>Sem conexão.</translation>
    </message>
</context>
<context>
    <name>parley::sync::Outbox</name>
    <message>
        <source>An empty message cannot be sent.</source>
        <translation>Não é possível enviar uma mensagem vazia.</translation>
    </message>
    <message>
        <source>The message is too long (at most %1 characters).</source>
        <translation>A mensagem é longa demais (no máximo %1 caracteres).</translation>
    </message>
    <message>
        <source>There is no such message to reply to.</source>
        <translation>A mensagem que você quer responder não existe.</translation>
    </message>
    <message>
        <source>Only your own messages can be edited.</source>
        <translation>Só é possível editar as suas próprias mensagens.</translation>
    </message>
    <message>
        <source>The message was deleted for everyone.</source>
        <translation>A mensagem foi apagada para todos.</translation>
    </message>
    <message>
        <source>A reaction is one emoji.</source>
        <translation>Uma reação é um único emoji.</translation>
    </message>
    <message>
        <source>There is no such message to react to.</source>
        <translation>A mensagem à qual você quer reagir não existe.</translation>
    </message>
    <message>
        <source>There is no such message.</source>
        <translation>Essa mensagem não existe.</translation>
    </message>
    <message>
        <source>The message is still being sent.</source>
        <translation>A mensagem ainda está sendo enviada.</translation>
    </message>
    <message>
        <source>Only your own messages can be deleted for everyone.</source>
        <translation>Só é possível apagar para todos as suas próprias mensagens.</translation>
    </message>
    <message>
        <source>The message was already deleted.</source>
        <translation>A mensagem já foi apagada.</translation>
    </message>
    <message>
        <source>The message has not reached the server yet.</source>
        <translation>A mensagem ainda não chegou ao servidor.</translation>
    </message>
    <message>
        <source>There is no such chat.</source>
        <translation>Essa conversa não existe.</translation>
    </message>
    <message>
        <source>The recipient has no device to send to.</source>
        <translation>O destinatário não tem nenhum dispositivo para receber a mensagem.</translation>
    </message>
</context>
<context>
    <name>parley::ui::AvatarCropDialog</name>
    <message>
        <source>Crop your picture</source>
        <translation>Recorte sua foto</translation>
    </message>
    <message>
        <source>Picture to crop</source>
        <translation>Foto para recortar</translation>
    </message>
    <message>
        <source>Drag the picture to place it in the circle; zoom with the slider or the mouse wheel.</source>
        <translation>Arraste a foto para posicioná-la no círculo; use o controle deslizante ou a roda do mouse para ajustar o zoom.</translation>
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
        <translation>O arquivo “%1” não foi encontrado.</translation>
    </message>
    <message>
        <source>“%1” is larger than %2 MB. Choose a smaller picture.</source>
        <translation>“%1” tem mais de %2 MB. Escolha uma foto menor.</translation>
    </message>
    <message>
        <source>“%1” cannot be opened as a picture (%2). Choose a PNG or JPEG file.</source>
        <translation>Não é possível abrir “%1” como imagem (%2). Escolha um arquivo PNG ou JPEG.</translation>
    </message>
    <message>
        <source>Choose a profile picture</source>
        <translation>Escolha uma foto do perfil</translation>
    </message>
    <message>
        <source>Pictures (%1);;All files (*)</source>
        <translation>Imagens (%1);;Todos os arquivos (*)</translation>
    </message>
</context>
<context>
    <name>parley::ui::ChatListDelegate</name>
    <message>
        <source>You deleted this message</source>
        <translation>Você apagou esta mensagem</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>Esta mensagem foi apagada</translation>
    </message>
    <message>
        <source>Message could not be decrypted</source>
        <translation>Não foi possível descriptografar a mensagem</translation>
    </message>
    <message>
        <source>Security code changed</source>
        <translation>O código de segurança mudou</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>digitando…</translation>
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
        <translation>online</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>digitando…</translation>
    </message>
    <message>
        <source>Replying to yourself</source>
        <translation>Respondendo a você</translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation>Respondendo a %1</translation>
    </message>
    <message>
        <source>Editing message</source>
        <translation>Editando mensagem</translation>
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
        <translation>Reagir</translation>
    </message>
    <message>
        <source>Remove my reaction</source>
        <translation>Remover minha reação</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Tentar novamente</translation>
    </message>
    <message>
        <source>Delete for me</source>
        <translation>Apagar para mim</translation>
    </message>
    <message>
        <source>Delete for everyone</source>
        <translation>Apagar para todos</translation>
    </message>
    <message>
        <source>The original message is not on this device.</source>
        <translation>A mensagem original não está neste dispositivo.</translation>
    </message>
    <message>
        <source>Chat options</source>
        <translation>Opções da conversa</translation>
    </message>
    <message>
        <source>Verify security code…</source>
        <translation>Verificar código de segurança…</translation>
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
        <translation>Selecione uma conversa para começar a enviar mensagens</translation>
    </message>
    <message>
        <source>Search chats and messages</source>
        <translation>Pesquisar conversas e mensagens</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nova conversa</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>Nova conversa (Ctrl+N)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Configurações (Ctrl+,)</translation>
    </message>
    <message>
        <source>No chats yet. Start one with &quot;New chat&quot;.</source>
        <translation>Nenhuma conversa ainda. Comece uma com &quot;Nova conversa&quot;.</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>← Back to chats</source>
        <translation>← Voltar para as conversas</translation>
    </message>
    <message>
        <source>Archived (%1)</source>
        <translation>Arquivadas (%1)</translation>
    </message>
    <message>
        <source>Unpin chat</source>
        <translation>Desafixar conversa</translation>
    </message>
    <message>
        <source>Pin chat</source>
        <translation>Fixar conversa</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Reativar notificações</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Silenciar notificações</translation>
    </message>
    <message>
        <source>For 8 hours</source>
        <translation>Por 8 horas</translation>
    </message>
    <message>
        <source>For 1 week</source>
        <translation>Por 1 semana</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Sempre</translation>
    </message>
    <message>
        <source>Unarchive chat</source>
        <translation>Desarquivar conversa</translation>
    </message>
    <message>
        <source>Archive chat</source>
        <translation>Arquivar conversa</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Marcar como lida</translation>
    </message>
    <message>
        <source>Delete chat</source>
        <translation>Apagar conversa</translation>
    </message>
</context>
<context>
    <name>parley::ui::Composer</name>
    <message>
        <source>Type a message</source>
        <translation>Digite uma mensagem</translation>
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
        <translation>Carinhas</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Pessoas</translation>
    </message>
    <message>
        <source>Animals and nature</source>
        <translation>Animais e natureza</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>Comidas e bebidas</translation>
    </message>
    <message>
        <source>Activities and travel</source>
        <translation>Atividades e viagens</translation>
    </message>
    <message>
        <source>Objects and symbols</source>
        <translation>Objetos e símbolos</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Bandeiras</translation>
    </message>
    <message>
        <source>Recently used</source>
        <translation>Usados recentemente</translation>
    </message>
</context>
<context>
    <name>parley::ui::LocalAvatar</name>
    <message>
        <source>There is no picture to save.</source>
        <translation>Não há nenhuma foto para salvar.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Não foi possível criar a pasta %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>Não foi possível remover %1: %2</translation>
    </message>
    <message>
        <source>Cannot encode the picture as PNG.</source>
        <translation>Não foi possível codificar a foto como PNG.</translation>
    </message>
    <message>
        <source>Your picture is kept on this computer until Parley can send pictures; others still see your initials.</source>
        <translation>Sua foto fica guardada neste computador até que o Parley possa enviar fotos; enquanto isso, os outros veem suas iniciais.</translation>
    </message>
</context>
<context>
    <name>parley::ui::LoginPage</name>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Algo deu errado. Tente novamente.</translation>
    </message>
    <message>
        <source>Sign in to Parley</source>
        <translation>Entrar no Parley</translation>
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
        <translation>Usar outro número</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Enviar um novo código</translation>
    </message>
    <message>
        <source>Enter the %1-digit code sent to %2.</source>
        <extracomment>%1 is the number of digits in a login code, %2 the phone number it was sent to</extracomment>
        <translation>Digite o código de %1 dígitos enviado para %2.</translation>
    </message>
    <message>
        <source>It is valid for %1 min.</source>
        <translation>Ele é válido por %1 min.</translation>
    </message>
    <message>
        <source>Send a new code in %1</source>
        <extracomment>%1 is a countdown in minutes and seconds, such as 0:42</extracomment>
        <translation>Enviar um novo código em %1</translation>
    </message>
    <message>
        <source>Cannot reach the Parley server at %1. Check the address and your connection, and try again.</source>
        <translation>Não foi possível conectar ao servidor do Parley em %1. Verifique o endereço e sua conexão e tente novamente.</translation>
    </message>
    <message>
        <source>%1 does not answer as a Parley server does. Check the address.</source>
        <translation>%1 não responde como um servidor do Parley. Verifique o endereço.</translation>
    </message>
    <message>
        <source>Server: %1 · Change</source>
        <extracomment>%1 is the server&apos;s address, such as parley.example.org</extracomment>
        <translation>Servidor: %1 · Alterar</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as https://parley.example.org or http://127.0.0.1:8765.</source>
        <translation>Digite o endereço do servidor, como https://parley.example.org ou http://127.0.0.1:8765.</translation>
    </message>
    <message>
        <source>Too long for a number in %1.</source>
        <translation>Longo demais para um número do país %1.</translation>
    </message>
    <message>
        <source>No country has this calling code.</source>
        <translation>Este código de país não existe.</translation>
    </message>
    <message>
        <source>✓ %1 (%2)</source>
        <extracomment>%1 is the number in international form, %2 its country</extracomment>
        <translation>✓ %1 (%2)</translation>
    </message>
    <message>
        <source>Your country and phone number:</source>
        <translation>Seu país e número de telefone:</translation>
    </message>
    <message>
        <source>202 555 0123</source>
        <extracomment>An example number without its country code; use one that is typical for the language.</extracomment>
        <translation>11 91234-5678</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Endereço do servidor:</translation>
    </message>
    <message>
        <source>Enter your phone number.</source>
        <translation>Digite seu número de telefone.</translation>
    </message>
    <message>
        <source>This number is too short for %1.</source>
        <translation>Este número é curto demais para o país %1.</translation>
    </message>
    <message>
        <source>This number is too long for %1.</source>
        <translation>Este número é longo demais para o país %1.</translation>
    </message>
    <message>
        <source>No country has this calling code. Pick your country, or type the number with its country code, like +1 202 555 0123.</source>
        <translation>Este código de país não existe. Escolha seu país ou digite o número com o código do país, como +1 202 555 0123.</translation>
    </message>
    <message>
        <source>This is not a number in use in %1. Check the number and the country.</source>
        <translation>Este número não está em uso no país %1. Verifique o número e o país.</translation>
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
        <translation>Sessão iniciada como %1</translation>
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
        <translation>este contato</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>editada</translation>
    </message>
    <message>
        <source>You deleted this message</source>
        <translation>Você apagou esta mensagem</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>Esta mensagem foi apagada</translation>
    </message>
    <message>
        <source>This message could not be decrypted. Ask the sender to send it again.</source>
        <translation>Não foi possível descriptografar esta mensagem. Peça ao remetente que a envie novamente.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Você</translation>
    </message>
    <message>
        <source>Them</source>
        <translation>Contato</translation>
    </message>
    <message>
        <source>Original message not available</source>
        <translation>Mensagem original indisponível</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n mensagem não lida</numerusform>
            <numerusform>%n mensagens não lidas</numerusform>
        </translation>
    </message>
    <message>
        <source>Your security code with %1 changed. Click to verify.</source>
        <translation>Seu código de segurança com %1 mudou. Clique para verificar.</translation>
    </message>
    <message>
        <source>You marked %1 as verified.</source>
        <translation>Você marcou seu código de segurança com %1 como verificado.</translation>
    </message>
    <message>
        <source>You marked %1 as not verified.</source>
        <translation>Você marcou seu código de segurança com %1 como não verificado.</translation>
    </message>
</context>
<context>
    <name>parley::ui::NewChatDialog</name>
    <message>
        <source>New chat</source>
        <translation>Nova conversa</translation>
    </message>
    <message>
        <source>Start chat</source>
        <translation>Iniciar conversa</translation>
    </message>
    <message>
        <source>Type at least two letters of a name.</source>
        <translation>Digite pelo menos duas letras de um nome.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Pesquisando…</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check your connection.</source>
        <translation>Não foi possível conectar ao servidor. Verifique sua conexão.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sem nome)</translation>
    </message>
    <message>
        <source>Nobody found. Ask them to join Parley.</source>
        <translation>Ninguém encontrado. Convide a pessoa para entrar no Parley.</translation>
    </message>
    <message>
        <source>A name or a phone number</source>
        <translation>Nome ou número de telefone</translation>
    </message>
    <message>
        <source>Find people by their phone number, such as +1 202 555 0100, or by their name, or import your contacts.</source>
        <translation>Encontre pessoas pelo número de telefone, como +1 202 555 0100, ou pelo nome. Você também pode importar seus contatos.</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Importar contatos…</translation>
    </message>
    <message>
        <source>Find who of your address book is on Parley: a vCard file (.vcf) exported from your phone or mail. Only a hash of each number goes to the server; names stay on this device.</source>
        <translation>Descubra quem da sua agenda de contatos está no Parley: escolha um arquivo vCard (.vcf) exportado do seu celular ou do seu e-mail. Só um hash de cada número vai para o servidor; os nomes ficam neste dispositivo.</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Importar contatos</translation>
    </message>
    <message>
        <source>Address books (*.vcf *.vcard);;All files (*)</source>
        <translation>Agendas de contatos (*.vcf *.vcard);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>In your contacts</source>
        <translation>Nos seus contatos</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>Não foi possível importar %1: %2</translation>
    </message>
    <message>
        <source>the server cannot be reached.</source>
        <translation>não foi possível conectar ao servidor.</translation>
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
            <numerusform>(%n no Parley).</numerusform>
            <numerusform>(%n no Parley).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) had no valid number.</source>
        <translation>
            <numerusform>%n contato não tinha um número válido.</numerusform>
            <numerusform>%n contatos não tinham um número válido.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your contacts on Parley</source>
        <translation>Seus contatos no Parley</translation>
    </message>
    <message>
        <source>Type the whole number, or start it with + and the country code.</source>
        <translation>Digite o número completo ou comece com + e o código do país.</translation>
    </message>
</context>
<context>
    <name>parley::ui::Notifier</name>
    <message>
        <source>Open Parley</source>
        <translation>Abrir o Parley</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Parley</source>
        <translation>Parley</translation>
    </message>
    <message numerus="yes">
        <source>Parley: %n unread message(s)</source>
        <translation>
            <numerusform>Parley: %n mensagem não lida</numerusform>
            <numerusform>Parley: %n mensagens não lidas</numerusform>
        </translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Nova mensagem</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>Esta mensagem foi apagada</translation>
    </message>
</context>
<context>
    <name>parley::ui::ProfileSetupPage</name>
    <message>
        <source>What&apos;s your name?</source>
        <translation>Qual é o seu nome?</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Seu nome</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>Pular por enquanto</translation>
    </message>
    <message>
        <source>Your name was not saved: %1</source>
        <translation>Seu nome não foi salvo: %1</translation>
    </message>
    <message>
        <source>People you write to see this name.</source>
        <translation>As pessoas com quem você conversa veem este nome.</translation>
    </message>
    <message>
        <source>Add a picture (optional)</source>
        <translation>Adicionar uma foto (opcional)</translation>
    </message>
    <message>
        <source>Change picture</source>
        <translation>Alterar foto</translation>
    </message>
    <message>
        <source>Your picture was not saved: %1</source>
        <translation>Sua foto não foi salva: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::SafetyNumberDialog</name>
    <message>
        <source>Verify security code</source>
        <translation>Verificar código de segurança</translation>
    </message>
    <message>
        <source>Security code with %1</source>
        <translation>Código de segurança com %1</translation>
    </message>
    <message>
        <source>Compare these numbers with the ones on %1&apos;s screen, side by side or on a call you trust. If they are the same, your messages go only to their devices and nobody in between can read them. They change when either of you adds or removes a device.</source>
        <translation>Compare estes números com os que aparecem na tela de %1, lado a lado ou em uma ligação de confiança. Se forem iguais, suas mensagens vão apenas para os dispositivos dessa pessoa e ninguém no meio do caminho consegue lê-las. Os números mudam quando um de vocês adiciona ou remove um dispositivo.</translation>
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
        <translation>Buscando os dispositivos mais recentes…</translation>
    </message>
    <message>
        <source>The security code cannot be shown: %1</source>
        <translation>Não é possível mostrar o código de segurança: %1</translation>
    </message>
    <message>
        <source>Clear verification</source>
        <translation>Remover verificação</translation>
    </message>
    <message>
        <source>✓ Verified</source>
        <translation>✓ Verificado</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Não verificado</translation>
    </message>
</context>
<context>
    <name>parley::ui::SearchHitDelegate</name>
    <message>
        <source>You: </source>
        <translation>Você: </translation>
    </message>
</context>
<context>
    <name>parley::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Aparência</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificações</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidade</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <source>Cannot read your profile: %1</source>
        <translation>Não foi possível ler seu perfil: %1</translation>
    </message>
    <message>
        <source>Your name, as others see it</source>
        <translation>Seu nome, como os outros o veem</translation>
    </message>
    <message>
        <source>A few words about you</source>
        <translation>Algumas palavras sobre você</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Recado</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Número de telefone</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Padrão do sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <source>Show a notification for new messages</source>
        <translation>Mostrar uma notificação para novas mensagens</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>Tocar um som</translation>
    </message>
    <message>
        <source>Muted chats and the chat you have open never notify.</source>
        <translation>Conversas silenciadas e a conversa que você está vendo nunca geram notificações.</translation>
    </message>
    <message>
        <source>Share when I was last seen and when I am online</source>
        <translation>Compartilhar quando fui visto por último e quando estou online</translation>
    </message>
    <message>
        <source>Send read receipts</source>
        <translation>Enviar confirmações de leitura</translation>
    </message>
    <message>
        <source>Both work both ways: if you do not share yours, you do not see other people&apos;s either.</source>
        <translation>As duas opções valem nos dois sentidos: se você não compartilhar as suas informações, também não verá as das outras pessoas.</translation>
    </message>
    <message>
        <source>Remove device</source>
        <translation>Remover dispositivo</translation>
    </message>
    <message>
        <source>Log out of this device</source>
        <translation>Desconectar este dispositivo</translation>
    </message>
    <message>
        <source>A removed device is signed out at once and gets no new messages.</source>
        <translation>Um dispositivo removido é desconectado na hora e não recebe novas mensagens.</translation>
    </message>
    <message>
        <source>Your profile was not saved: %1</source>
        <translation>Seu perfil não foi salvo: %1</translation>
    </message>
    <message>
        <source>Your privacy settings were not saved: %1</source>
        <translation>Suas configurações de privacidade não foram salvas: %1</translation>
    </message>
    <message>
        <source>Cannot read your devices: %1</source>
        <translation>Não foi possível ler seus dispositivos: %1</translation>
    </message>
    <message>
        <source>%1 (this device) · since %2</source>
        <translation>%1 (este dispositivo) · desde %2</translation>
    </message>
    <message>
        <source>%1 · since %2</source>
        <translation>%1 · desde %2</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma do sistema</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Reiniciar agora</translation>
    </message>
    <message>
        <source>Parley uses the new language from its next start.</source>
        <translation>O Parley usará o novo idioma na próxima vez que for aberto.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Segurança</translation>
    </message>
    <message>
        <source>Your messages are end-to-end encrypted. To be sure they reach only the devices of the people you write to, compare your security code with each of them once.</source>
        <translation>Suas mensagens são protegidas com a criptografia de ponta a ponta. Para ter certeza de que elas chegam só aos dispositivos das pessoas com quem você conversa, compare seu código de segurança com cada uma delas uma vez.</translation>
    </message>
    <message>
        <source>Verify security code…</source>
        <translation>Verificar código de segurança…</translation>
    </message>
    <message>
        <source>This device&apos;s key and sign-in are kept in %1.</source>
        <translation>A chave e os dados de login deste dispositivo ficam guardados %1.</translation>
    </message>
    <message>
        <source>Cannot read your chats: %1</source>
        <translation>Não foi possível ler suas conversas: %1</translation>
    </message>
    <message>
        <source>%1 · ✓ verified</source>
        <translation>%1 · ✓ verificado</translation>
    </message>
    <message>
        <source>%1 · not verified</source>
        <translation>%1 · não verificado</translation>
    </message>
    <message>
        <source>Change picture…</source>
        <translation>Alterar foto…</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>Remover foto</translation>
    </message>
    <message>
        <source>Your picture was not removed: %1</source>
        <translation>Sua foto não foi removida: %1</translation>
    </message>
    <message>
        <source>Your picture was not saved: %1</source>
        <translation>Sua foto não foi salva: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::appearance</name>
    <message>
        <source>Clear</source>
        <translation>Limpar</translation>
    </message>
</context>
</TS>
