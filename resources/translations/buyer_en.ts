<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>BuyerRefusal</name>
        <message>
            <source>This is an old 15-digit ID number, which can no longer be used. Please use your current 18-character ID card.</source>
            <translation>This is an old 15-digit ID number, which can no longer be used. Please use your current 18-character ID card.</translation>
        </message>
        <message>
            <source>The ID number does not check out. Please compare it with your ID card.</source>
            <translation>The ID number does not check out. Please compare it with your ID card.</translation>
        </message>
        <message>
            <source>An ID number has 18 characters. Please type it again from your ID card.</source>
            <translation>An ID number has 18 characters. Please type it again from your ID card.</translation>
        </message>
        <message>
            <source>This cannot be an ID number. Please compare it with your ID card.</source>
            <translation>This cannot be an ID number. Please compare it with your ID card.</translation>
        </message>
        <message>
            <source>This code does not carry an ID number. Please show your e-ID code or place your ID card.</source>
            <translation>This code does not carry an ID number. Please show your e-ID code or place your ID card.</translation>
        </message>
        <message>
            <source>Every buyer on the contract has to sign it. Please ask the other buyers to come, or ask staff.</source>
            <translation>Every buyer on the contract has to sign it. Please ask the other buyers to come, or ask staff.</translation>
        </message>
        <message>
            <source>Every buyer present has to sign both papers. Please ask staff.</source>
            <translation>Every buyer present has to sign both papers. Please ask staff.</translation>
        </message>
        <message>
            <source>A signature came from someone not on the contract. Please ask staff.</source>
            <translation>A signature came from someone not on the contract. Please ask staff.</translation>
        </message>
        <message>
            <source>A signature came from someone not identified. Please ask staff.</source>
            <translation>A signature came from someone not identified. Please ask staff.</translation>
        </message>
        <message>
            <source>This ID card is not the signer's. The person named on the screen places their own ID card.</source>
            <translation>This ID card is not the signer's. The person named on the screen places their own ID card.</translation>
        </message>
        <message>
            <source>A signer's own ID card was not read before signing. Please sign again: each signer places their ID card first.</source>
            <translation>A signer's own ID card was not read before signing. Please sign again: each signer places their ID card first.</translation>
        </message>
        <message>
            <source>This step is already done or not possible now. Please go back to your case.</source>
            <translation>This step is already done or not possible now. Please go back to your case.</translation>
        </message>
        <message>
            <source>This is a practice case. Payments are only possible in practice mode.</source>
            <translation>This is a practice case. Payments are only possible in practice mode.</translation>
        </message>
        <message>
            <source>This unit is not known at this terminal. Please ask staff.</source>
            <translation>This unit is not known at this terminal. Please ask staff.</translation>
        </message>
        <message>
            <source>A payment order already exists for this unit. Please go back and open it.</source>
            <translation>A payment order already exists for this unit. Please go back and open it.</translation>
        </message>
        <message>
            <source>The signature could not be recorded. Please sign again.</source>
            <translation>The signature could not be recorded. Please sign again.</translation>
        </message>
        <message>
            <source>This step cannot be done here now. Please ask staff for help.</source>
            <translation>This step cannot be done here now. Please ask staff for help.</translation>
        </message>
        <message>
            <source>Something went wrong at the terminal. Nothing was lost; please ask staff for help.</source>
            <translation>Something went wrong at the terminal. Nothing was lost; please ask staff for help.</translation>
        </message>
    </context>
    <context>
        <name>DoneScreen</name>
        <message>
            <source>Thank you. Your evaluation is recorded.</source>
            <translation>Thank you. Your evaluation is recorded.</translation>
        </message>
        <message>
            <source>Mailing: first type your own ID number</source>
            <translation>Mailing: first type your own ID number</translation>
        </message>
        <message>
            <source>Mailing: to whom, and where</source>
            <translation>Mailing: to whom, and where</translation>
        </message>
        <message>
            <source>Please type your own ID number first.</source>
            <translation>Please type your own ID number first.</translation>
        </message>
        <message>
            <source>Congratulations on your new home</source>
            <translation>Congratulations on your new home</translation>
        </message>
        <message>
            <source>Keep this code: photograph it or scan it into the e-certificate app to check your electronic certificate.</source>
            <translation>Keep this code: photograph it or scan it into the e-certificate app to check your electronic certificate.</translation>
        </message>
        <message>
            <source>Mail the certificate</source>
            <translation>Mail the certificate</translation>
        </message>
        <message>
            <source>Please rate this service.</source>
            <translation>Please rate this service.</translation>
        </message>
        <message>
            <source>Rate this service</source>
            <translation>Rate this service</translation>
        </message>
        <message>
            <source>Back to the code</source>
            <translation>Back to the code</translation>
        </message>
        <message>
            <source>Change the rating</source>
            <translation>Change the rating</translation>
        </message>
        <message>
            <source>Very satisfied</source>
            <translation>Very satisfied</translation>
        </message>
        <message>
            <source>Satisfied</source>
            <translation>Satisfied</translation>
        </message>
        <message>
            <source>Basically satisfied</source>
            <translation>Basically satisfied</translation>
        </message>
        <message>
            <source>Dissatisfied</source>
            <translation>Dissatisfied</translation>
        </message>
        <message>
            <source>Very dissatisfied</source>
            <translation>Very dissatisfied</translation>
        </message>
        <message>
            <source>What went wrong? (optional)</source>
            <translation>What went wrong? (optional)</translation>
        </message>
        <message>
            <source>Send evaluation</source>
            <translation>Send evaluation</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>Back to the ID number</source>
            <translation>Back to the ID number</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Recipient</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Full postal address</source>
            <translation>Full postal address</translation>
        </message>
        <message>
            <source>Send request</source>
            <translation>Send request</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Certificate {number}</source>
            <translation>Certificate {number}</translation>
        </message>
        <message>
            <source>No e-certificate code yet</source>
            <translation>No e-certificate code yet</translation>
        </message>
        <message>
            <source>The mailing request is sent. The tracking number comes by text message.</source>
            <translation>The mailing request is sent. The tracking number comes by text message.</translation>
        </message>
        <message>
            <source>Mailing a certificate to an absent co-owner is arranged at the counter.</source>
            <translation>Mailing a certificate to an absent co-owner is arranged at the counter.</translation>
        </message>
        <message>
            <source>Your rating: {level}</source>
            <translation>Your rating: {level}</translation>
        </message>
    </context>
    <context>
        <name>IdentifyScreen</name>
        <message>
            <source>Who are you? Choose one way</source>
            <translation>Who are you? Choose one way</translation>
        </message>
        <message>
            <source>Place ID card</source>
            <translation>Place ID card</translation>
        </message>
        <message>
            <source>Show QR code</source>
            <translation>Show QR code</translation>
        </message>
        <message>
            <source>Type ID number</source>
            <translation>Type ID number</translation>
        </message>
        <message>
            <source>Please place your ID card flat on the reader below the screen.</source>
            <translation>Please place your ID card flat on the reader below the screen.</translation>
        </message>
        <message>
            <source>Hold the QR code of your electronic ID or of your contract in front of the camera, about 20 cm away.</source>
            <translation>Hold the QR code of your electronic ID or of your contract in front of the camera, about 20 cm away.</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continue</translation>
        </message>
        <message>
            <source>Enter your ID number</source>
            <translation>Enter your ID number</translation>
        </message>
        <message>
            <source>The camera picture appears here.</source>
            <translation>The camera picture appears here.</translation>
        </message>
        <message>
            <source>The card reader is not working right now. Please show your QR code or type your ID number instead.</source>
            <translation>The card reader is not working right now. Please show your QR code or type your ID number instead.</translation>
        </message>
        <message>
            <source>The card was moved while it was being read. Please place it again and hold it still.</source>
            <translation>The card was moved while it was being read. Please place it again and hold it still.</translation>
        </message>
        <message>
            <source>This card cannot be read here. Please type your ID number instead.</source>
            <translation>This card cannot be read here. Please type your ID number instead.</translation>
        </message>
        <message>
            <source>The card could not be read. Please place it again, or choose another way on the left.</source>
            <translation>The card could not be read. Please place it again, or choose another way on the left.</translation>
        </message>
        <message>
            <source>No card yet? You can also show your QR code or type your ID number: use the buttons on the left.</source>
            <translation>No card yet? You can also show your QR code or type your ID number: use the buttons on the left.</translation>
        </message>
        <message>
            <source>Still waiting for your card.</source>
            <translation>Still waiting for your card.</translation>
        </message>
        <message>
            <source>ID card ▼</source>
            <translation>ID card ▼</translation>
        </message>
        <message>
            <source>ID card ▽</source>
            <translation>ID card ▽</translation>
        </message>
        <message>
            <source>The camera is not working right now. Please place your ID card or type your ID number instead.</source>
            <translation>The camera is not working right now. Please place your ID card or type your ID number instead.</translation>
        </message>
        <message>
            <source>No home purchase was found for this ID number at this terminal. Please check the number, or ask staff at the counter.</source>
            <translation>No home purchase was found for this ID number at this terminal. Please check the number, or ask staff at the counter.</translation>
        </message>
    </context>
    <context>
        <name>MyCaseScreen</name>
        <message>
            <source>Your home purchase</source>
            <translation>Your home purchase</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Still missing, and what to do</source>
            <translation>Still missing, and what to do</translation>
        </message>
        <message>
            <source>Read and sign the contract</source>
            <translation>Read and sign the contract</translation>
        </message>
        <message>
            <source>Read and sign the handover papers</source>
            <translation>Read and sign the handover papers</translation>
        </message>
        <message>
            <source>Pay taxes and fees</source>
            <translation>Pay taxes and fees</translation>
        </message>
        <message>
            <source>Certificate and evaluation</source>
            <translation>Certificate and evaluation</translation>
        </message>
        <message>
            <source>Previous unit</source>
            <translation>Previous unit</translation>
        </message>
        <message>
            <source>Next unit</source>
            <translation>Next unit</translation>
        </message>
        <message>
            <source>Not ready for handover yet.</source>
            <translation>Not ready for handover yet.</translation>
        </message>
        <message>
            <source>Ready for handover: please go to the counter with every co-owner.</source>
            <translation>Ready for handover: please go to the counter with every co-owner.</translation>
        </message>
        <message>
            <source>Your handover is under way.</source>
            <translation>Your handover is under way.</translation>
        </message>
        <message>
            <source>Handed over. Your certificate is ready to keep.</source>
            <translation>Handed over. Your certificate is ready to keep.</translation>
        </message>
        <message>
            <source>Wait for the project's joint acceptance and first registration.</source>
            <translation>Wait for the project's joint acceptance and first registration.</translation>
        </message>
        <message>
            <source>Sign the contract and wait for its filing number.</source>
            <translation>Sign the contract and wait for its filing number.</translation>
        </message>
        <message>
            <source>A supervisor may allow it with a written reason. Please ask staff.</source>
            <translation>A supervisor may allow it with a written reason. Please ask staff.</translation>
        </message>
        <message>
            <source>Pay with the payment code; confirmation takes minutes.</source>
            <translation>Pay with the payment code; confirmation takes minutes.</translation>
        </message>
        <message>
            <source>Nothing to do: the filing number arrives with the next sync.</source>
            <translation>Nothing to do: the filing number arrives with the next sync.</translation>
        </message>
        <message>
            <source>Wait for the registration office's result.</source>
            <translation>Wait for the registration office's result.</translation>
        </message>
        <message>
            <source>The developer confirms the keys when the flat is ready.</source>
            <translation>The developer confirms the keys when the flat is ready.</translation>
        </message>
        <message>
            <source>Every co-owner comes in person, or an agent with an authorisation.</source>
            <translation>Every co-owner comes in person, or an agent with an authorisation.</translation>
        </message>
        <message>
            <source>Go to the counter with every co-owner to start the handover.</source>
            <translation>Go to the counter with every co-owner to start the handover.</translation>
        </message>
        <message>
            <source>Staff identify every co-owner, then check the case.</source>
            <translation>Staff identify every co-owner, then check the case.</translation>
        </message>
        <message>
            <source>Every co-owner present signs both papers.</source>
            <translation>Every co-owner present signs both papers.</translation>
        </message>
        <message>
            <source>Staff bind your certificate to the case.</source>
            <translation>Staff bind your certificate to the case.</translation>
        </message>
        <message>
            <source>Staff print your receipt.</source>
            <translation>Staff print your receipt.</translation>
        </message>
        <message>
            <source>Staff hand over your keys.</source>
            <translation>Staff hand over your keys.</translation>
        </message>
        <message>
            <source>Staff confirm the delivery.</source>
            <translation>Staff confirm the delivery.</translation>
        </message>
        <message>
            <source>The project is not registered for handover yet.</source>
            <translation>The project is not registered for handover yet.</translation>
        </message>
        <message>
            <source>The sale contract is not signed and filed yet.</source>
            <translation>The sale contract is not signed and filed yet.</translation>
        </message>
        <message>
            <source>The sale contract is signed and waits to be filed.</source>
            <translation>The sale contract is signed and waits to be filed.</translation>
        </message>
        <message>
            <source>Taxes and fees are not all paid and confirmed yet.</source>
            <translation>Taxes and fees are not all paid and confirmed yet.</translation>
        </message>
        <message>
            <source>The transfer registration is not recorded yet.</source>
            <translation>The transfer registration is not recorded yet.</translation>
        </message>
        <message>
            <source>The developer is under a credit restriction.</source>
            <translation>The developer is under a credit restriction.</translation>
        </message>
        <message>
            <source>The keys are not ready yet.</source>
            <translation>The keys are not ready yet.</translation>
        </message>
        <message>
            <source>Not every co-owner is here.</source>
            <translation>Not every co-owner is here.</translation>
        </message>
        <message>
            <source>The handover has not started yet.</source>
            <translation>The handover has not started yet.</translation>
        </message>
        <message>
            <source>The handover checks are not done yet.</source>
            <translation>The handover checks are not done yet.</translation>
        </message>
        <message>
            <source>The handover papers are not signed yet.</source>
            <translation>The handover papers are not signed yet.</translation>
        </message>
        <message>
            <source>Your certificate is not ready at the counter yet.</source>
            <translation>Your certificate is not ready at the counter yet.</translation>
        </message>
        <message>
            <source>The receipt is not printed yet.</source>
            <translation>The receipt is not printed yet.</translation>
        </message>
        <message>
            <source>The keys are not handed over yet.</source>
            <translation>The keys are not handed over yet.</translation>
        </message>
        <message>
            <source>The delivery is not confirmed yet.</source>
            <translation>The delivery is not confirmed yet.</translation>
        </message>
        <message>
            <source>The project is registered.</source>
            <translation>The project is registered.</translation>
        </message>
        <message>
            <source>The contract is filed.</source>
            <translation>The contract is filed.</translation>
        </message>
        <message>
            <source>Taxes and fees are paid.</source>
            <translation>Taxes and fees are paid.</translation>
        </message>
        <message>
            <source>The transfer is registered.</source>
            <translation>The transfer is registered.</translation>
        </message>
        <message>
            <source>The developer is in good standing.</source>
            <translation>The developer is in good standing.</translation>
        </message>
        <message>
            <source>The keys are ready.</source>
            <translation>The keys are ready.</translation>
        </message>
        <message>
            <source>Every co-owner is here.</source>
            <translation>Every co-owner is here.</translation>
        </message>
        <message>
            <source>{project}, building {building}, room {room}</source>
            <translation>{project}, building {building}, room {room}</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>Nothing yet.</source>
            <translation>Nothing yet.</translation>
        </message>
        <message>
            <source>Nothing is missing.</source>
            <translation>Nothing is missing.</translation>
        </message>
        <message>
            <source>Unit {n} of {total}</source>
            <translation>Unit {n} of {total}</translation>
        </message>
    </context>
    <context>
        <name>PayScreen</name>
        <message>
            <source>Pay taxes and fees with one code</source>
            <translation>Pay taxes and fees with one code</translation>
        </message>
        <message>
            <source>Scan with a bank app, WeChat or Alipay. One payment pays every item.</source>
            <translation>Scan with a bank app, WeChat or Alipay. One payment pays every item.</translation>
        </message>
        <message>
            <source>Back to my case</source>
            <translation>Back to my case</translation>
        </message>
        <message>
            <source>Payment code {code}</source>
            <translation>Payment code {code}</translation>
        </message>
        <message>
            <source>Total ¥{amount}</source>
            <translation>Total ¥{amount}</translation>
        </message>
        <message>
            <source>Tax bureau</source>
            <translation>Tax bureau</translation>
        </message>
        <message>
            <source>Registration office</source>
            <translation>Registration office</translation>
        </message>
        <message>
            <source>Maintenance fund account</source>
            <translation>Maintenance fund account</translation>
        </message>
        <message>
            <source>confirmed ✓</source>
            <translation>confirmed ✓</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>waiting</translation>
        </message>
        <message>
            <source>{payee}: {name} ¥{amount} ({state})</source>
            <translation>{payee}: {name} ¥{amount} ({state})</translation>
        </message>
        <message>
            <source>Paid already? Your payment is not lost: the confirmation can take a few minutes. You may come back later, or ask staff to check.</source>
            <translation>Paid already? Your payment is not lost: the confirmation can take a few minutes. You may come back later, or ask staff to check.</translation>
        </message>
        <message>
            <source>Not paid yet? Show the code again.</source>
            <translation>Not paid yet? Show the code again.</translation>
        </message>
        <message>
            <source>Show the code again</source>
            <translation>Show the code again</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>Try again</translation>
        </message>
        <message>
            <source>Preparing your payment code…</source>
            <translation>Preparing your payment code…</translation>
        </message>
        <message>
            <source>Paid: every item is confirmed.</source>
            <translation>Paid: every item is confirmed.</translation>
        </message>
        <message>
            <source>Thank you. Go back to your case for the next step.</source>
            <translation>Thank you. Go back to your case for the next step.</translation>
        </message>
        <message>
            <source>The time for this code is up.</source>
            <translation>The time for this code is up.</translation>
        </message>
        <message>
            <source>Time left {m}:{s:02d}</source>
            <translation>Time left {m}:{s:02d}</translation>
        </message>
        <message>
            <source>Less than a minute left. After paying, please wait here for the confirmation.</source>
            <translation>Less than a minute left. After paying, please wait here for the confirmation.</translation>
        </message>
    </context>
    <context>
        <name>ReadSignScreen</name>
        <message>
            <source>Page {n} of {total}</source>
            <translation>Page {n} of {total}</translation>
        </message>
        <message>
            <source>Signing opens on the last page.</source>
            <translation>Signing opens on the last page.</translation>
        </message>
        <message>
            <source>the sale contract</source>
            <translation>the sale contract</translation>
        </message>
        <message>
            <source>the handover confirmation</source>
            <translation>the handover confirmation</translation>
        </message>
        <message>
            <source>the certificate receipt</source>
            <translation>the certificate receipt</translation>
        </message>
        <message>
            <source>Signature {n} of {total}: {name}, please sign {paper}.</source>
            <translation>Signature {n} of {total}: {name}, please sign {paper}.</translation>
        </message>
        <message>
            <source>Please go to the service counter with every signer and their ID cards: staff will check them and you sign there.</source>
            <translation>Please go to the service counter with every signer and their ID cards: staff will check them and you sign there.</translation>
        </message>
        <message>
            <source>Read and sign the contract</source>
            <translation>Read and sign the contract</translation>
        </message>
        <message>
            <source>Read and sign the handover papers</source>
            <translation>Read and sign the handover papers</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>Previous</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>I have read it: sign</source>
            <translation>I have read it: sign</translation>
        </message>
        <message>
            <source>Sign again</source>
            <translation>Sign again</translation>
        </message>
        <message>
            <source>Read again</source>
            <translation>Read again</translation>
        </message>
    </context>
    <context>
        <name>SignerCard</name>
        <message>
            <source>The card reader is not working right now. Please sign at the counter.</source>
            <translation>The card reader is not working right now. Please sign at the counter.</translation>
        </message>
        <message>
            <source>The card could not be read. Please place it again and hold it still.</source>
            <translation>The card could not be read. Please place it again and hold it still.</translation>
        </message>
        <message>
            <source>This ID card is not {name}'s nor their agent's. Please place {name}'s card or the agent's own card.</source>
            <translation>This ID card is not {name}'s nor their agent's. Please place {name}'s card or the agent's own card.</translation>
        </message>
        <message>
            <source>This ID card is not {name}'s. Please place {name}'s own ID card.</source>
            <translation>This ID card is not {name}'s. Please place {name}'s own ID card.</translation>
        </message>
        <message>
            <source>{name} is represented: the authorised agent, please place your own ID card on the reader.</source>
            <translation>{name} is represented: the authorised agent, please place your own ID card on the reader.</translation>
        </message>
        <message>
            <source>{name}, please place your own ID card on the reader.</source>
            <translation>{name}, please place your own ID card on the reader.</translation>
        </message>
        <message>
            <source>Each signer shows their own ID card before signing, so nobody can sign for someone else.</source>
            <translation>Each signer shows their own ID card before signing, so nobody can sign for someone else.</translation>
        </message>
        <message>
            <source>ID card ▼</source>
            <translation>ID card ▼</translation>
        </message>
        <message>
            <source>Sign at the counter</source>
            <translation>Sign at the counter</translation>
        </message>
    </context>
</TS>
